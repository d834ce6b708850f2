/*
 * Frees LibTorch Scalars a second late. TorchSharp 0.107 turns numbers into native Scalars implicitly (the alpha
 * of every tensor addition, every optimiser coefficient, BatchNorm's step count) and holds no reference to them
 * during the native call that reads them, so a garbage collection started by another thread may run a Scalar's
 * finalizer while LibTorch still reads it ("Expected false to be true" from c10::Scalar::toFloat, or a wrong number
 * read in silence). This library stands in front of libLibTorchSharp.so (src/Training/Platform/DelayedScalarFrees.cs
 * points TorchSharp's P/Invokes at it; every other symbol resolves to libLibTorchSharp.so, a dependency of this one)
 * and replaces only THSTorch_dispose_scalar: the Scalar is freed once it has waited a second, by which time the call
 * that read it has long returned.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <time.h>

#define CAPACITY 65536
#define DELAY_NS 1000000000LL
#define BATCH 64

typedef void (*dispose_fn)(void *);

static void *pending[CAPACITY];
static long long queued_at[CAPACITY];
static unsigned head, count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static dispose_fn real_dispose;

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static dispose_fn resolve(void)
{
    void *torchsharp = dlopen("libLibTorchSharp.so", RTLD_LAZY | RTLD_NOLOAD);
    return (dispose_fn)dlsym(torchsharp ? torchsharp : RTLD_NEXT, "THSTorch_dispose_scalar");
}

/* 1 while the Scalar at this address waits to be freed; for tests. */
int MelanoGans_ScalarFreePending(void *scalar)
{
    int found = 0;
    pthread_mutex_lock(&lock);
    for (unsigned i = 0; i < count && !found; i++) found = pending[(head + i) % CAPACITY] == scalar;
    pthread_mutex_unlock(&lock);
    return found;
}

void THSTorch_dispose_scalar(void *scalar)
{
    void *due[BATCH];
    int n = 0;
    long long now = now_ns();
    pthread_mutex_lock(&lock);
    if (!real_dispose) real_dispose = resolve();
    /* The oldest that have waited long enough; when full, the oldest regardless (far more than a second's worth). */
    while (count > 0 && n < BATCH && (now - queued_at[head] >= DELAY_NS || count == CAPACITY))
    {
        due[n++] = pending[head];
        head = (head + 1) % CAPACITY;
        count--;
    }
    unsigned tail = (head + count) % CAPACITY;
    pending[tail] = scalar;
    queued_at[tail] = now;
    count++;
    dispose_fn dispose = real_dispose;
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < n; i++) dispose(due[i]);
}
