"""The event list: a virtual table model, its delegate and its view."""
