//! Random bytes for the generators: the operating system's CSPRNG (`getrandom`, as
//! CPython's `os.urandom`), drawn 512 bytes at a time into a per-thread pool so that
//! a UUID does not cost a system call.
//!
//! A forked child must never hand out its parent's pooled bytes (two processes
//! would make the same UUIDs): a `pthread_atfork` handler bumps a generation
//! counter in the child, and a pool filled in an older generation is refilled
//! before use. Bytes are zeroed once handed out.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

const POOL: usize = 512;

/// Bumped in every forked child.
static FORKS: AtomicU64 = AtomicU64::new(0);

struct Pool {
    bytes: [u8; POOL],
    used: usize,
    generation: u64,
}

thread_local! {
    static THREAD_POOL: RefCell<Pool> = const {
        RefCell::new(Pool { bytes: [0; POOL], used: POOL, generation: 0 })
    };
}

#[cfg(unix)]
fn watch_forks() {
    extern "C" fn in_child() {
        FORKS.fetch_add(1, Ordering::SeqCst);
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: pthread_atfork only records a function pointer. The handler is a
        // plain `extern "C" fn` with no captured state that performs one atomic add,
        // which is async-signal-safe as a post-fork child handler must be.
        #[allow(unsafe_code)]
        let rc = unsafe { libc::pthread_atfork(None, None, Some(in_child)) };
        assert_eq!(rc, 0, "pthread_atfork failed");
    });
}

#[cfg(not(unix))]
fn watch_forks() {}

/// `N` bytes (N <= 512) from the OS random source, through this thread's pool.
pub(crate) fn bytes<const N: usize>() -> [u8; N] {
    const { assert!(N <= POOL) };
    watch_forks();
    THREAD_POOL.with(|pool| {
        let mut pool = pool.borrow_mut();
        let generation = FORKS.load(Ordering::SeqCst);
        if pool.used + N > POOL || pool.generation != generation {
            getrandom::fill(&mut pool.bytes).expect("the operating system's random source failed");
            pool.used = 0;
            pool.generation = generation;
        }
        let start = pool.used;
        let mut out = [0u8; N];
        out.copy_from_slice(&pool.bytes[start..start + N]);
        pool.bytes[start..start + N].fill(0);
        pool.used += N;
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_differ_and_span_refills() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..1000 {
            assert!(seen.insert(bytes::<16>()));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_forked_child_does_not_repeat_the_parent() {
        use std::io::{Read, Write};
        use std::os::unix::net::UnixStream;
        let _ = bytes::<16>(); // fill the pool before forking
        let (mut parent_end, mut child_end) = UnixStream::pair().unwrap();
        // SAFETY: after fork the child may only do async-signal-safe work, since other
        // threads' locks are copied held. It draws from this thread's pool (already
        // initialised, so no allocation), writes with write(2) and leaves with _exit.
        #[allow(unsafe_code)]
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let b = bytes::<16>();
            let _ = child_end.write_all(&b);
            // SAFETY: ends the child without running the parent's destructors.
            #[allow(unsafe_code)]
            unsafe {
                libc::_exit(0)
            };
        }
        assert!(pid > 0);
        let ours = bytes::<16>();
        let mut theirs = [0u8; 16];
        parent_end.read_exact(&mut theirs).unwrap();
        // SAFETY: reaps the child we forked.
        #[allow(unsafe_code)]
        unsafe {
            libc::waitpid(pid, std::ptr::null_mut(), 0)
        };
        assert_ne!(ours, theirs);
    }
}
