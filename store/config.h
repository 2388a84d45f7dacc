#ifndef STORE_CONFIG_H
#define STORE_CONFIG_H
#endif
