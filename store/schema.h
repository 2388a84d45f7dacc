#ifndef STORE_SCHEMA_H
#define STORE_SCHEMA_H
#endif
