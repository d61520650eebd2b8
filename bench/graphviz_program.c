/* Graphviz's own command-line program (what dot.c does), built against the libraries bundled in the
   pygraphviz wheel: the same Graphviz release as a system program, for bench/bench_export.py to set beside
   the bundled child. The wheel's Graphviz loads no plugins on demand, so they are given as built in, as
   pygraphviz does. */
#include <stddef.h>

typedef struct GVC_s GVC_t;
typedef struct Agraph_s graph_t;
typedef struct { const char *name; void *address; } lt_symlist_t;

extern GVC_t *gvContextPlugins(const lt_symlist_t *builtins, int demand_loading);
extern int gvParseArgs(GVC_t *gvc, int argc, char **argv);
extern graph_t *gvNextInputGraph(GVC_t *gvc);
extern int gvLayoutJobs(GVC_t *gvc, graph_t *g);
extern int gvRenderJobs(GVC_t *gvc, graph_t *g);
extern int gvFreeLayout(GVC_t *gvc, graph_t *g);
extern int agclose(graph_t *g);
extern int gvFreeContext(GVC_t *gvc);
extern char gvplugin_core_LTX_library, gvplugin_dot_layout_LTX_library, gvplugin_neato_layout_LTX_library,
    gvplugin_gd_LTX_library, gvplugin_pango_LTX_library;

int main(int argc, char **argv) {
    lt_symlist_t builtins[] = {
        {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
        {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
        {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
        {"gvplugin_gd_LTX_library", &gvplugin_gd_LTX_library},
        {"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
        {NULL, NULL},
    };
    GVC_t *gvc = gvContextPlugins(builtins, 0);
    graph_t *graph, *last = NULL;
    int status = gvParseArgs(gvc, argc, argv);
    if (status != 0)
        return status;
    while ((graph = gvNextInputGraph(gvc)) != NULL) {
        if (last != NULL) {  /* freed only when another follows, as dot does */
            gvFreeLayout(gvc, last);
            agclose(last);
        }
        if (gvLayoutJobs(gvc, graph) != 0 || gvRenderJobs(gvc, graph) != 0)
            return 1;
        last = graph;
    }
    return 0;
}
