"""The interchange format v1 of procedures: mapping, schema, import and export."""
