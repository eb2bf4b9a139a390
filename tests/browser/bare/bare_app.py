"""A bare Streamlit app with the widgets the MNR Dashboard uses, and nothing of its own.

The accessibility test runs axe-core on it to learn which rules Streamlit itself breaks; only
those may be excused on the app's pages (tests/browser/test_browser_accessibility.py).
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st


def first() -> None:
    """A page like the app's: headings, text, the widgets, a chart, tables."""
    st.title("Bare page")
    st.caption("A caption with `inline code`.")
    st.badge("A badge", color="orange")
    st.info("An information box.")
    st.warning("A warning.")
    left, right = st.columns(2)
    with left:
        st.radio("A radio", ["One", "Two"])
        st.multiselect("A multiselect", ["One", "Two", "Three"], default=["One"])
    with right:
        st.selectbox("A select box", ["One", "Two"])
        st.toggle("A toggle")
    st.segmented_control("A segmented control", ["One", "Two"], default="One")
    st.text_input("A text input")
    st.number_input("A number", min_value=0, max_value=4)
    st.file_uploader("An upload")
    st.button("A button", icon=":material/arrow_forward:", type="primary")
    st.download_button("A download", data=b"x", file_name="x.txt")
    st.page_link(second_page, label="A page link")
    tabs = st.tabs(["First tab", "Second tab"])
    with tabs[0]:
        st.header("A header")
        st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), theme=None)
    with st.expander("An expander", icon=":material/table:"):
        st.table(pd.DataFrame({"A": [1, 2], "B": ["x", "y"]}))
    st.dataframe(pd.DataFrame({"A": [1, 2], "B": ["x", "y"]}), hide_index=True)


def second() -> None:
    """A second page, so that the sidebar has a navigation."""
    st.title("Second page")


second_page = st.Page(second, title="Second", url_path="second")
st.set_page_config(page_title="Bare", layout="wide")
navigation = st.navigation(
    {"Start": [st.Page(first, title="First", default=True)], "More": [second_page]}
)
with st.sidebar:
    st.markdown("**A sidebar**")
    st.selectbox("Country", ["One", "Two"])
    st.button("A sidebar button")
    st.toggle("A sidebar toggle")
navigation.run()
