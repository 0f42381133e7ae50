/*
 * Round trip of one cache line between two threads pinned to cores 0 and 1: each waits for the other's write and
 * answers it. benchmarks/embeddings-vs-gensim prints it before each seed, because on this project's virtual
 * machine it is 60-100 ns in some periods and 330-570 ns in others (where the hypervisor puts the two virtual
 * cores), and multi-threaded Hogwild training (gensim's, and ours before HotRows) takes up to 2.5 times the CPU in
 * the slow periods.
 *
 * Build: gcc -O2 -pthread -o core-latency core-latency.c     Prints: "core round trip <ns> ns"
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#define ROUNDS 2000000L

static _Atomic int turn __attribute__((aligned(128)));

static void pin(int core) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(core, &set);
    sched_setaffinity(0, sizeof set, &set);
}

static void *answer(void *unused) {
    (void) unused;
    pin(1);
    for (long i = 0; i < ROUNDS; i++) {
        while (atomic_load_explicit(&turn, memory_order_acquire) != 1) {
        }
        atomic_store_explicit(&turn, 0, memory_order_release);
    }
    return NULL;
}

int main(void) {
    pthread_t other;
    struct timespec start, end;
    pin(0);
    pthread_create(&other, NULL, answer, NULL);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < ROUNDS; i++) {
        while (atomic_load_explicit(&turn, memory_order_acquire) != 0) {
        }
        atomic_store_explicit(&turn, 1, memory_order_release);
    }
    pthread_join(other, NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ns = ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / ROUNDS;
    printf("core round trip %.0f ns\n", ns);
    return 0;
}
