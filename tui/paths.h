#ifndef TUI_PATHS_H
#define TUI_PATHS_H
#endif
