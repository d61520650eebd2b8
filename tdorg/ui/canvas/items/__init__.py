"""What the canvas draws: role boxes, reporting lines and dotted lines."""
