"""Calibration of event confidence (accord.coding.confidence)."""
