/* wake_floor.c: the operating system's own wake-up latency, the floor under
 * every variant of the latency benchmark.  A thread stamps the monotonic
 * clock and writes an eventfd; the main thread, blocked in epoll_wait as
 * libuv's loop is, reads the clock when it wakes; then it acknowledges
 * through a second eventfd and the next round starts.  Prints the median and
 * p99 one-way microseconds as JSON. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

static int wake_fd;
static int ack_fd;
static long rounds;
static int64_t stamp; /* ns */

static int64_t NowNs(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int Compare(const void* a, const void* b) {
  double x = *(const double*)a;
  double y = *(const double*)b;
  return x < y ? -1 : x > y;
}

static void* Produce(void* unused) {
  uint64_t one = 1;
  uint64_t acked;
  long i;
  (void)unused;
  for (i = 0; i < rounds; i++) {
    __atomic_store_n(&stamp, NowNs(), __ATOMIC_RELEASE);
    if (write(wake_fd, &one, sizeof one) != sizeof one) abort();
    if (read(ack_fd, &acked, sizeof acked) != sizeof acked) abort();
  }
  return NULL;
}

int main(int argc, char** argv) {
  struct epoll_event interest;
  struct epoll_event ready;
  pthread_t producer;
  uint64_t count;
  uint64_t one = 1;
  double* latency;
  long i;
  int poll_fd;

  rounds = argc > 1 ? atol(argv[1]) : 10000;
  latency = malloc(rounds * sizeof *latency);
  wake_fd = eventfd(0, EFD_NONBLOCK);
  ack_fd = eventfd(0, 0);
  poll_fd = epoll_create1(0);
  interest.events = EPOLLIN;
  interest.data.fd = wake_fd;
  if (latency == NULL || wake_fd < 0 || ack_fd < 0 || poll_fd < 0 ||
      epoll_ctl(poll_fd, EPOLL_CTL_ADD, wake_fd, &interest) != 0)
    return 1;
  pthread_create(&producer, NULL, Produce, NULL);
  for (i = 0; i < rounds; i++) {
    while (epoll_wait(poll_fd, &ready, 1, -1) != 1) {
    }
    latency[i] = (NowNs() - __atomic_load_n(&stamp, __ATOMIC_ACQUIRE)) / 1e3;
    if (read(wake_fd, &count, sizeof count) != sizeof count) return 1;
    if (write(ack_fd, &one, sizeof one) != sizeof one) return 1;
  }
  pthread_join(producer, NULL);
  qsort(latency, rounds, sizeof *latency, Compare);
  printf("{\"rounds\":%ld,\"medianUs\":%.3f,\"p99Us\":%.3f}\n", rounds,
         latency[rounds / 2], latency[rounds * 99 / 100]);
  return 0;
}
