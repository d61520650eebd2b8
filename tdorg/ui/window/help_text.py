"""Texts of the Help menu."""

from tdorg import __version__

SHORTCUTS_HTML = """
<h3>Mouse</h3>
<table cellspacing="4">
<tr><td><b>Drag a role type</b> from the palette</td><td>onto empty canvas: a new top-level role;
onto a box: a new report of it; onto a box's left or right edge: a new role beside it</td></tr>
<tr><td><b>Drag a box</b> onto another box</td><td>it reports to that box (all selected boxes move);
onto a box's edge: placed beside it. A red box means the move is refused.</td></tr>
<tr><td><b>Shift-drag</b> from a box to a box</td><td>draws a dotted line (or use Edit › Draw Dotted Lines)</td></tr>
<tr><td><b>Drag on empty canvas</b></td><td>selects the boxes in the rectangle; Ctrl-click adds or removes one</td></tr>
<tr><td><b>Wheel</b></td><td>zooms at the cursor; Shift-wheel scrolls</td></tr>
<tr><td><b>Middle-drag</b> or <b>Space-drag</b></td><td>pans</td></tr>
<tr><td><b>Double-click</b> a box</td><td>edits its title</td></tr>
<tr><td><b>Click the disc</b> under a manager's box</td><td>collapses its subtree (−), or expands it again
(+N: the roles it hides)</td></tr>
<tr><td><b>Right-click</b></td><td>add reports, dotted lines, move, delete</td></tr>
</table>
<h3>Keyboard (canvas)</h3>
<table cellspacing="4">
<tr><td>Arrow keys</td><td>select the manager (Up), first report (Down) or a sibling (Left/Right)</td></tr>
<tr><td>Ctrl+Left / Ctrl+Right</td><td>move the selected role among its siblings</td></tr>
<tr><td>Delete</td><td>delete the selection (reports move up to the deleted role's manager)</td></tr>
<tr><td>- / +</td><td>collapse / expand the selected managers' subtrees</td></tr>
<tr><td>Ctrl+C / Ctrl+X</td><td>copy / cut the selected roles, each with everyone under it</td></tr>
<tr><td>Ctrl+V</td><td>paste under the selected box (vacant copies of the positions)</td></tr>
<tr><td>Ctrl+D</td><td>duplicate the selected roles beside themselves</td></tr>
<tr><td>Ctrl+L</td><td>draw dotted lines by dragging (on / off)</td></tr>
<tr><td>Enter or F2</td><td>edit the selected role</td></tr>
<tr><td>Ctrl+Z / Ctrl+Shift+Z</td><td>undo / redo</td></tr>
<tr><td>Ctrl+9 / Ctrl+0</td><td>fit to window / actual size</td></tr>
<tr><td>Escape</td><td>cancel a drag, or clear the selection</td></tr>
<tr><td>Ctrl+F</td><td>find a role by title, person or id (case and accents do not matter)</td></tr>
<tr><td>Enter / Shift+Enter, F3 / Shift+F3</td><td>next / previous match; Escape closes the find bar</td></tr>
<tr><td>Menu key or Shift+F10</td><td>the selected box's menu (the canvas's when nothing is selected)</td></tr>
</table>
<h3>Keyboard (outline panel)</h3>
<table cellspacing="4">
<tr><td>Alt+1</td><td>go to the outline, showing it if it is hidden; its selection is the canvas's</td></tr>
<tr><td>Up / Down, Left / Right</td><td>move between rows, fold or unfold a manager's reports</td></tr>
<tr><td>F2</td><td>rename the role in place (Enter keeps the title, Escape cancels)</td></tr>
<tr><td>Insert or Ctrl+Enter</td><td>add a report of the selected role</td></tr>
<tr><td>Shift+Enter</td><td>add a sibling after it</td></tr>
<tr><td>Delete</td><td>delete the selected role</td></tr>
<tr><td>Alt+Up / Alt+Down</td><td>move it among its siblings</td></tr>
<tr><td>Alt+Left / Alt+Right</td><td>make it report to its manager's manager / to the sibling above it</td></tr>
<tr><td>Menu key</td><td>the same actions as a menu</td></tr>
</table>
<h3>Scenarios</h3>
<table cellspacing="4">
<tr><td>Ctrl+PgUp / Ctrl+PgDown</td><td>show the previous / next scenario (each keeps its own undo history)</td></tr>
<tr><td>Ctrl+Shift+PgUp / Ctrl+Shift+PgDown</td><td>move the shown scenario one place left / right</td></tr>
<tr><td>Ctrl+Shift+D</td><td>duplicate the shown scenario</td></tr>
<tr><td>Ctrl+Shift+C</td><td>compare two scenarios side by side (the window follows your edits)</td></tr>
</table>
"""

ABOUT_HTML = f"""
<h3>tdorg {__version__}</h3>
<p>Design your district's technology department and check it, as you go, against the
K-12 technology-leadership framework: cabinet-level IT leadership, centralised IT,
service areas, integration, redundancy, privacy, security and staffing ratios.</p>
<p>Every finding names its source.</p>
"""
