#ifndef TUI_CLI_H
#define TUI_CLI_H
#endif
