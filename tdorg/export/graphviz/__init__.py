"""Drawing through Graphviz: the DOT source of a chart, the child process that draws it, and the checked drawings of its pages."""
