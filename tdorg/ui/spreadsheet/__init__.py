"""Importing from and updating from spreadsheets."""
