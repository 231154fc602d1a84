/*
 * An LD_PRELOAD library that counts heap allocations: every malloc, calloc,
 * realloc and aligned allocation in the process (glibc's own included, since
 * glibc calls malloc through the interposable symbol) adds one, and the
 * benchmark's C programs read the count with bench_alloc_count(). The memory
 * itself comes from glibc's allocator, so free() needs no wrapper.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t align, size_t size);

static uint64_t allocations;

static void count_one(void) {
    __atomic_fetch_add(&allocations, 1, __ATOMIC_RELAXED);
}

uint64_t bench_alloc_count(void) {
    return __atomic_load_n(&allocations, __ATOMIC_RELAXED);
}

void *malloc(size_t size) {
    count_one();
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    count_one();
    return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size) {
    count_one();
    return __libc_realloc(ptr, size);
}

void *memalign(size_t align, size_t size) {
    count_one();
    return __libc_memalign(align, size);
}

void *aligned_alloc(size_t align, size_t size) {
    count_one();
    return __libc_memalign(align, size);
}

int posix_memalign(void **out, size_t align, size_t size) {
    /* The alignment checks glibc's own posix_memalign makes. */
    if (align % sizeof(void *) != 0 || (align & (align - 1)) != 0 || align == 0)
        return EINVAL;
    count_one();
    void *p = __libc_memalign(align, size);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
