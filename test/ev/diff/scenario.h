/* scenario.h: what the differential scenarios share.  Each scenario is one
 * C program written against the libev 4.x API and built twice, against real
 * libev 4.33 and against node-waf-compat's ev.h; it prints one line per
 * event, and test/ev_differential.test.js compares the two outputs.  Lines
 * say what happened and in which order, never how long it took. */
#ifndef TEST_EV_DIFF_SCENARIO_H_
#define TEST_EV_DIFF_SCENARIO_H_

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <ev.h>

static void trace(const char *format, ...) {
  va_list args;
  va_start(args, format);
  vprintf(format, args);
  va_end(args);
  putchar('\n');
  fflush(stdout);
}

/* revents as names, e.g. "READ|WRITE". */
static const char *events(int revents) {
  static char text[160];
  static const struct {
    int bit;
    const char *name;
  } names[] = {{EV_READ, "READ"},       {EV_WRITE, "WRITE"},
               {EV_TIMER, "TIMER"},     {EV_PERIODIC, "PERIODIC"},
               {EV_SIGNAL, "SIGNAL"},   {EV_CHILD, "CHILD"},
               {EV_IDLE, "IDLE"},       {EV_PREPARE, "PREPARE"},
               {EV_CHECK, "CHECK"},     {EV_FORK, "FORK"},
               {EV_CLEANUP, "CLEANUP"}, {EV_ASYNC, "ASYNC"},
               {EV_CUSTOM, "CUSTOM"},   {EV_ERROR, "ERROR"}};
  size_t i;
  text[0] = 0;
  for (i = 0; i < sizeof names / sizeof names[0]; ++i) {
    if (!(revents & names[i].bit)) continue;
    if (text[0]) strcat(text, "|");
    strcat(text, names[i].name);
  }
  if (!text[0]) strcpy(text, "NONE");
  return text;
}

#endif /* TEST_EV_DIFF_SCENARIO_H_ */
