"""The side panel of source excerpts and the article viewer they open."""
