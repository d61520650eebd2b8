"""Opening and saving files, guarding them against other writers, autosave and recovery."""
