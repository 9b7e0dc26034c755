"""Every sentence a user reads outside Qt widgets, in Swedish and English."""
