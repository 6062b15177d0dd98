"""Pure Python core of Scale vs Efficiency: data loading and validation, models, formatting.

Nothing in this package imports Streamlit, so every function can be unit-tested directly.
"""
