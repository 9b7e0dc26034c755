"""Plain-Python core: entities, rules, time, the office calendar and the rotation. No Qt, no SQL."""
