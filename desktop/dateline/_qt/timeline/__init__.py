"""The timeline: lanes of events on a date axis with the draggable time window."""
