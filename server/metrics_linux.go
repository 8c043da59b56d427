package server

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// clockTicks is the unit of the times in /proc/self/stat (USER_HZ): 100
// on every Linux the server runs on.
const clockTicks = 100

// processMetrics writes the process's metrics, read from /proc.
func processMetrics(out *bytes.Buffer) {
	f, stat := procStat()
	if stat {
		cpu := (parseFloat(f[11]) + parseFloat(f[12])) / clockTicks // utime, stime
		family(out, "process_cpu_seconds_total", "counter", "Processor time the process has used, user and system, in seconds.")
		sample(out, "process_cpu_seconds_total", "", cpu)
	}
	if fds, err := os.ReadDir("/proc/self/fd"); err == nil {
		gauge(out, "process_open_fds", "Open file descriptors.", float64(len(fds)))
	}
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) == nil {
		gauge(out, "process_max_fds", "The most file descriptors the process may open.", float64(lim.Cur))
	}
	if stat {
		gauge(out, "process_resident_memory_bytes", "Resident memory, in bytes.", parseFloat(f[21])*float64(os.Getpagesize()))
		if boot, ok := bootTime(); ok {
			gauge(out, "process_start_time_seconds", "When the process started, in seconds since 1970.", boot+parseFloat(f[19])/clockTicks)
		}
		gauge(out, "process_virtual_memory_bytes", "Virtual memory, in bytes.", parseFloat(f[20]))
	}
}

// procStat returns the fields of /proc/self/stat after the command name
// (which may hold spaces): f[i] is the stat's field i+3 (proc(5)), so
// utime is f[11], stime f[12], starttime f[19], vsize f[20] and rss
// f[21].
func procStat() ([]string, bool) {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return nil, false
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return nil, false
	}
	f := strings.Fields(string(data[i+1:]))
	return f, len(f) > 21
}

// bootTime returns when the system started, in seconds since 1970.
func bootTime() (float64, bool) {
	v, ok := procLine("/proc/stat", "btime ")
	n, err := strconv.ParseFloat(v, 64)
	return n, ok && err == nil
}

// threads returns the process's threads, from /proc/self/status.
func threads() (int, bool) {
	v, ok := procLine("/proc/self/status", "Threads:")
	n, err := strconv.Atoi(v)
	return n, ok && err == nil
}

// procLine returns the rest, trimmed, of the first line of a /proc file
// that starts with prefix.
func procLine(path, prefix string) (string, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, prefix); ok {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

func parseFloat(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}
