"""Project UI: File menu and undo, edits, marks, saved views, briefing export."""
