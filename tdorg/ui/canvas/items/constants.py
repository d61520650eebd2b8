"""The plain values the canvas shares with its items: the boxes' size, the zoom levels they change their look at,
the drop states of a box under a drag, the collapse toggle's size. They load without the items (Qt's graphics
item classes), which an empty canvas never needs."""

BOX_WIDTH = 200.0
BOX_HEIGHT = 72.0

#: Below this scale a box shows only its title, in a large font; below COARSE (where that title would be under
#: 4 px high) the view draws the boxes in view at once (``canvas/overview.py``), and no box paints itself: each a
#: plain rectangle in its category's colour, with a dot for its findings down to TINY (a box 5 px high).
OVERVIEW = 0.5
COARSE = 0.2
TINY = 0.07

#: Drop feedback states of a box under a drag.
ACCEPT = "accept"
REFUSE = "refuse"

#: The collapse toggle's disc diameter, its pill's height.
SIZE = 18.0
#: Zoomed out (where a box shows its title alone, large) the toggle is drawn this much larger, to stay readable.
ZOOMED_OUT = 1.7
