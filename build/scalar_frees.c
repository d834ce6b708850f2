/*
 * Frees LibTorch Scalars only once the thread that made them has made another. TorchSharp 0.107 turns numbers into
 * native Scalars implicitly (the alpha of every tensor addition, every optimiser coefficient, BatchNorm's step count)
 * and holds no reference to them during the native call that reads them, so a garbage collection started by another
 * thread may run a Scalar's finalizer while LibTorch still reads it ("Expected false to be true" from
 * c10::Scalar::toFloat, or a wrong number read in silence).
 *
 * This library stands in front of libLibTorchSharp.so (src/Training/Platform/ScalarFrees.cs points TorchSharp's
 * P/Invokes at it; every other symbol resolves to libLibTorchSharp.so, a dependency of this one) and replaces the
 * Scalar constructors and THSTorch_dispose_scalar. A dispose does not free: it puts the Scalar on the list of the
 * thread that made it. That thread frees its list the next time it makes a Scalar, or when it exits. A thread that
 * makes a Scalar is not inside a native call, so the call that read a disposed Scalar has returned by then: no
 * delay, no timing. (It assumes what TorchSharp does: a Scalar whose managed object has become unreachable is read
 * only by the thread that made it.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

typedef void (*dispose_fn)(void *);

/* The Scalars one thread made, and those of them disposed but not yet freed. */
struct owner
{
    void **pending;
    size_t count, capacity;
    int exited;
};

/* Open addressing from a Scalar to the owner that made it (NULL slot: empty; TOMB: deleted); the value's low bit
 * says the Scalar is disposed and waits on its owner's list. */
#define TOMB ((void *)1)
static void **keys;
static struct owner **values;
static size_t slots, used;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t exit_key;
static __thread struct owner *self;
static dispose_fn real_dispose;

static void *torchsharp(void)
{
    void *library = dlopen("libLibTorchSharp.so", RTLD_LAZY | RTLD_NOLOAD);
    return library ? library : RTLD_NEXT;
}

static size_t slot_of(void *key)
{
    uintptr_t h = (uintptr_t)key;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (size_t)h & (slots - 1);
}

static void put(void *key, struct owner *value);

static void grow(void)
{
    void **old_keys = keys;
    struct owner **old_values = values;
    size_t old_slots = slots, live = 0;
    for (size_t i = 0; i < old_slots; i++) live += old_keys[i] && old_keys[i] != TOMB;
    /* Rehashing also drops the tombstones: the table stays at four times the live Scalars or more. */
    for (slots = 4096; slots < 4 * (live + 1);) slots *= 2;
    keys = calloc(slots, sizeof *keys);
    values = calloc(slots, sizeof *values);
    if (!keys || !values) abort();
    used = 0;
    for (size_t i = 0; i < old_slots; i++)
        if (old_keys[i] && old_keys[i] != TOMB) put(old_keys[i], old_values[i]);
    free(old_keys);
    free(old_values);
}

static void put(void *key, struct owner *value)
{
    if ((used + 1) * 2 > slots) grow();
    size_t i = slot_of(key);
    while (keys[i] && keys[i] != TOMB) i = (i + 1) & (slots - 1);
    keys[i] = key;
    values[i] = value;
    used++;
}

/* The slot of key, or -1. */
static long find(void *key)
{
    if (!slots) return -1;
    for (size_t i = slot_of(key); keys[i]; i = (i + 1) & (slots - 1))
        if (keys[i] == key) return (long)i;
    return -1;
}

#define DISPOSED ((uintptr_t)1)
#define OWNER(i) ((struct owner *)((uintptr_t)values[i] & ~DISPOSED))

static void push(struct owner *owner, void *scalar)
{
    if (owner->count == owner->capacity)
    {
        owner->capacity = owner->capacity ? owner->capacity * 2 : 64;
        owner->pending = realloc(owner->pending, owner->capacity * sizeof *owner->pending);
        if (!owner->pending) abort();
    }

    owner->pending[owner->count++] = scalar;
}

/* Frees what owner's thread disposed. Called with the lock held; frees after releasing it. */
static void release(struct owner *owner)
{
    size_t n = owner->count;
    void **due = owner->pending;
    owner->pending = NULL;
    owner->count = owner->capacity = 0;
    for (size_t i = 0; i < n; i++) keys[find(due[i])] = TOMB;
    dispose_fn dispose = real_dispose;
    pthread_mutex_unlock(&lock);
    for (size_t i = 0; i < n; i++) dispose(due[i]);
    free(due);
    pthread_mutex_lock(&lock);
}

/* At thread exit: no call of this thread is in flight, so its disposed Scalars go now and later ones at once. */
static void thread_exited(void *value)
{
    struct owner *owner = value;
    pthread_mutex_lock(&lock);
    owner->exited = 1;
    release(owner);
    pthread_mutex_unlock(&lock);
}

static void initialise(void)
{
    real_dispose = (dispose_fn)dlsym(torchsharp(), "THSTorch_dispose_scalar");
    pthread_key_create(&exit_key, thread_exited);
}

/* Records a new Scalar as this thread's, after freeing what this thread disposed before. */
static void *made(void *scalar)
{
    pthread_once(&once, initialise);
    pthread_mutex_lock(&lock);
    if (!self)
    {
        self = calloc(1, sizeof *self);
        if (!self) abort();
        pthread_setspecific(exit_key, self);
    }

    if (self->count) release(self);
    if (scalar) put(scalar, self);
    pthread_mutex_unlock(&lock);
    return scalar;
}

void THSTorch_dispose_scalar(void *scalar)
{
    pthread_once(&once, initialise);
    pthread_mutex_lock(&lock);
    long i = find(scalar);
    int now = i < 0 || OWNER(i)->exited;
    if (i >= 0 && now) keys[i] = TOMB;
    if (!now)
    {
        values[i] = (struct owner *)((uintptr_t)values[i] | DISPOSED);
        push(OWNER(i), scalar);
    }

    pthread_mutex_unlock(&lock);
    if (now) real_dispose(scalar);
}

/* 1 while the Scalar at this address is disposed and waits for its thread; for tests. */
int MelanoGans_ScalarFreePending(void *scalar)
{
    pthread_mutex_lock(&lock);
    long i = find(scalar);
    int pending = i >= 0 && ((uintptr_t)values[i] & DISPOSED);
    pthread_mutex_unlock(&lock);
    return pending;
}

/* The constructors TorchSharp calls for implicit and explicit Scalars, each forwarded to libLibTorchSharp.so. */
#define FORWARD(name, params, args)                                                                 \
    void *name params                                                                               \
    {                                                                                               \
        static void *(*real) params;                                                                \
        void *(*f) params = __atomic_load_n(&real, __ATOMIC_ACQUIRE);                               \
        if (!f) __atomic_store_n(&real, f = (void *(*) params)dlsym(torchsharp(), #name), __ATOMIC_RELEASE); \
        return made(f args);                                                                        \
    }

FORWARD(THSTorch_uint8_to_scalar, (uint8_t value), (value))
FORWARD(THSTorch_int8_to_scalar, (int8_t value), (value))
FORWARD(THSTorch_int16_to_scalar, (int16_t value), (value))
FORWARD(THSTorch_int32_to_scalar, (int32_t value), (value))
FORWARD(THSTorch_int64_to_scalar, (int64_t value), (value))
FORWARD(THSTorch_float32_to_scalar, (float value), (value))
FORWARD(THSTorch_float64_to_scalar, (double value), (value))
FORWARD(THSTorch_complex32_to_scalar, (float real_part, float imaginary), (real_part, imaginary))
FORWARD(THSTorch_complex64_to_scalar, (double real_part, double imaginary), (real_part, imaginary))
FORWARD(THSTorch_bool_to_scalar, (_Bool value), (value))
FORWARD(THSTorch_float16_to_scalar, (float value), (value))
FORWARD(THSTorch_bfloat16_to_scalar, (float value), (value))
