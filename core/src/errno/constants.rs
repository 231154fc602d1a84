//! A constant for every errno Linux defines, in the kernel's order (that of
//! the table in `table.rs`, which a test keeps in step with this list).

use super::Errno;

impl Errno {
    /// `EPERM`: operation not permitted.
    pub const EPERM: Errno = Errno(libc::EPERM);
    /// `ENOENT`: no such file or directory.
    pub const ENOENT: Errno = Errno(libc::ENOENT);
    /// `ESRCH`: no such process.
    pub const ESRCH: Errno = Errno(libc::ESRCH);
    /// `EINTR`: interrupted by a signal before anything was done.
    pub const EINTR: Errno = Errno(libc::EINTR);
    /// `EIO`: input/output error.
    pub const EIO: Errno = Errno(libc::EIO);
    /// `ENXIO`: no such device or address.
    pub const ENXIO: Errno = Errno(libc::ENXIO);
    /// `E2BIG`: argument list too long.
    pub const E2BIG: Errno = Errno(libc::E2BIG);
    /// `ENOEXEC`: exec format error.
    pub const ENOEXEC: Errno = Errno(libc::ENOEXEC);
    /// `EBADF`: not an open descriptor.
    pub const EBADF: Errno = Errno(libc::EBADF);
    /// `ECHILD`: no child processes.
    pub const ECHILD: Errno = Errno(libc::ECHILD);
    /// `EAGAIN` (also `EWOULDBLOCK`): a non-blocking call would block.
    pub const EAGAIN: Errno = Errno(libc::EAGAIN);
    /// `ENOMEM`: the kernel is out of memory.
    pub const ENOMEM: Errno = Errno(libc::ENOMEM);
    /// `EACCES`: permission denied.
    pub const EACCES: Errno = Errno(libc::EACCES);
    /// `EFAULT`: a pointer outside the address space (or NULL, through the C ABI).
    pub const EFAULT: Errno = Errno(libc::EFAULT);
    /// `ENOTBLK`: block device required.
    pub const ENOTBLK: Errno = Errno(libc::ENOTBLK);
    /// `EBUSY`: device or resource busy.
    pub const EBUSY: Errno = Errno(libc::EBUSY);
    /// `EEXIST`: file exists.
    pub const EEXIST: Errno = Errno(libc::EEXIST);
    /// `EXDEV`: invalid cross-device link.
    pub const EXDEV: Errno = Errno(libc::EXDEV);
    /// `ENODEV`: no such device.
    pub const ENODEV: Errno = Errno(libc::ENODEV);
    /// `ENOTDIR`: not a directory.
    pub const ENOTDIR: Errno = Errno(libc::ENOTDIR);
    /// `EISDIR`: is a directory.
    pub const EISDIR: Errno = Errno(libc::EISDIR);
    /// `EINVAL`: an invalid argument, such as a malformed address.
    pub const EINVAL: Errno = Errno(libc::EINVAL);
    /// `ENFILE`: the system has too many open files.
    pub const ENFILE: Errno = Errno(libc::ENFILE);
    /// `EMFILE`: the process has too many open descriptors.
    pub const EMFILE: Errno = Errno(libc::EMFILE);
    /// `ENOTTY`: inappropriate ioctl for device.
    pub const ENOTTY: Errno = Errno(libc::ENOTTY);
    /// `ETXTBSY`: text file busy.
    pub const ETXTBSY: Errno = Errno(libc::ETXTBSY);
    /// `EFBIG`: file too large.
    pub const EFBIG: Errno = Errno(libc::EFBIG);
    /// `ENOSPC`: a caller's buffer is too small for the result.
    pub const ENOSPC: Errno = Errno(libc::ENOSPC);
    /// `ESPIPE`: illegal seek.
    pub const ESPIPE: Errno = Errno(libc::ESPIPE);
    /// `EROFS`: read-only file system.
    pub const EROFS: Errno = Errno(libc::EROFS);
    /// `EMLINK`: too many links.
    pub const EMLINK: Errno = Errno(libc::EMLINK);
    /// `EPIPE`: the peer has closed; no `SIGPIPE` is raised by this crate.
    pub const EPIPE: Errno = Errno(libc::EPIPE);
    /// `EDOM`: numerical argument out of domain.
    pub const EDOM: Errno = Errno(libc::EDOM);
    /// `ERANGE`: a value out of range.
    pub const ERANGE: Errno = Errno(libc::ERANGE);
    /// `EDEADLK`: resource deadlock avoided.
    pub const EDEADLK: Errno = Errno(libc::EDEADLK);
    /// `ENAMETOOLONG`: a Unix socket path longer than `sun_path`.
    pub const ENAMETOOLONG: Errno = Errno(libc::ENAMETOOLONG);
    /// `ENOLCK`: no locks available.
    pub const ENOLCK: Errno = Errno(libc::ENOLCK);
    /// `ENOSYS`: the kernel does not implement the call.
    pub const ENOSYS: Errno = Errno(libc::ENOSYS);
    /// `ENOTEMPTY`: directory not empty.
    pub const ENOTEMPTY: Errno = Errno(libc::ENOTEMPTY);
    /// `ELOOP`: too many levels of symbolic links.
    pub const ELOOP: Errno = Errno(libc::ELOOP);
    /// `ENOMSG`: no message of the desired type (a transmit timestamp's
    /// entry on the error queue carries it).
    pub const ENOMSG: Errno = Errno(libc::ENOMSG);
    /// `EIDRM`: identifier removed.
    pub const EIDRM: Errno = Errno(libc::EIDRM);
    /// `ECHRNG`: channel number out of range.
    pub const ECHRNG: Errno = Errno(libc::ECHRNG);
    /// `EL2NSYNC`: level 2 not synchronized.
    pub const EL2NSYNC: Errno = Errno(libc::EL2NSYNC);
    /// `EL3HLT`: level 3 halted.
    pub const EL3HLT: Errno = Errno(libc::EL3HLT);
    /// `EL3RST`: level 3 reset.
    pub const EL3RST: Errno = Errno(libc::EL3RST);
    /// `ELNRNG`: link number out of range.
    pub const ELNRNG: Errno = Errno(libc::ELNRNG);
    /// `EUNATCH`: protocol driver not attached.
    pub const EUNATCH: Errno = Errno(libc::EUNATCH);
    /// `ENOCSI`: no CSI structure available.
    pub const ENOCSI: Errno = Errno(libc::ENOCSI);
    /// `EL2HLT`: level 2 halted.
    pub const EL2HLT: Errno = Errno(libc::EL2HLT);
    /// `EBADE`: invalid exchange.
    pub const EBADE: Errno = Errno(libc::EBADE);
    /// `EBADR`: invalid request descriptor.
    pub const EBADR: Errno = Errno(libc::EBADR);
    /// `EXFULL`: exchange full.
    pub const EXFULL: Errno = Errno(libc::EXFULL);
    /// `ENOANO`: no anode.
    pub const ENOANO: Errno = Errno(libc::ENOANO);
    /// `EBADRQC`: invalid request code.
    pub const EBADRQC: Errno = Errno(libc::EBADRQC);
    /// `EBADSLT`: invalid slot.
    pub const EBADSLT: Errno = Errno(libc::EBADSLT);
    /// `EBFONT`: bad font file format.
    pub const EBFONT: Errno = Errno(libc::EBFONT);
    /// `ENOSTR`: device not a stream.
    pub const ENOSTR: Errno = Errno(libc::ENOSTR);
    /// `ENODATA`: no data available.
    pub const ENODATA: Errno = Errno(libc::ENODATA);
    /// `ETIME`: timer expired.
    pub const ETIME: Errno = Errno(libc::ETIME);
    /// `ENOSR`: out of streams resources.
    pub const ENOSR: Errno = Errno(libc::ENOSR);
    /// `ENONET`: machine is not on the network.
    pub const ENONET: Errno = Errno(libc::ENONET);
    /// `ENOPKG`: package not installed.
    pub const ENOPKG: Errno = Errno(libc::ENOPKG);
    /// `EREMOTE`: object is remote.
    pub const EREMOTE: Errno = Errno(libc::EREMOTE);
    /// `ENOLINK`: link has been severed.
    pub const ENOLINK: Errno = Errno(libc::ENOLINK);
    /// `EADV`: advertise error.
    pub const EADV: Errno = Errno(libc::EADV);
    /// `ESRMNT`: srmount error.
    pub const ESRMNT: Errno = Errno(libc::ESRMNT);
    /// `ECOMM`: communication error on send.
    pub const ECOMM: Errno = Errno(libc::ECOMM);
    /// `EPROTO`: protocol error.
    pub const EPROTO: Errno = Errno(libc::EPROTO);
    /// `EMULTIHOP`: multihop attempted.
    pub const EMULTIHOP: Errno = Errno(libc::EMULTIHOP);
    /// `EDOTDOT`: RFS specific error.
    pub const EDOTDOT: Errno = Errno(libc::EDOTDOT);
    /// `EBADMSG`: a message is malformed or cut short.
    pub const EBADMSG: Errno = Errno(libc::EBADMSG);
    /// `EOVERFLOW`: a value does not fit its type.
    pub const EOVERFLOW: Errno = Errno(libc::EOVERFLOW);
    /// `ENOTUNIQ`: name not unique on network.
    pub const ENOTUNIQ: Errno = Errno(libc::ENOTUNIQ);
    /// `EBADFD`: file descriptor in bad state.
    pub const EBADFD: Errno = Errno(libc::EBADFD);
    /// `EREMCHG`: remote address changed.
    pub const EREMCHG: Errno = Errno(libc::EREMCHG);
    /// `ELIBACC`: can not access a needed shared library.
    pub const ELIBACC: Errno = Errno(libc::ELIBACC);
    /// `ELIBBAD`: accessing a corrupted shared library.
    pub const ELIBBAD: Errno = Errno(libc::ELIBBAD);
    /// `ELIBSCN`: .lib section in a.out corrupted.
    pub const ELIBSCN: Errno = Errno(libc::ELIBSCN);
    /// `ELIBMAX`: attempting to link in too many shared libraries.
    pub const ELIBMAX: Errno = Errno(libc::ELIBMAX);
    /// `ELIBEXEC`: cannot exec a shared library directly.
    pub const ELIBEXEC: Errno = Errno(libc::ELIBEXEC);
    /// `EILSEQ`: invalid or incomplete multibyte or wide character.
    pub const EILSEQ: Errno = Errno(libc::EILSEQ);
    /// `ERESTART`: interrupted system call should be restarted.
    pub const ERESTART: Errno = Errno(libc::ERESTART);
    /// `ESTRPIPE`: streams pipe error.
    pub const ESTRPIPE: Errno = Errno(libc::ESTRPIPE);
    /// `EUSERS`: too many users.
    pub const EUSERS: Errno = Errno(libc::EUSERS);
    /// `ENOTSOCK`: the descriptor is not a socket.
    pub const ENOTSOCK: Errno = Errno(libc::ENOTSOCK);
    /// `EDESTADDRREQ`: destination address required.
    pub const EDESTADDRREQ: Errno = Errno(libc::EDESTADDRREQ);
    /// `EMSGSIZE`: a datagram too large, or too many descriptors in one message.
    pub const EMSGSIZE: Errno = Errno(libc::EMSGSIZE);
    /// `EPROTOTYPE`: protocol wrong type for socket.
    pub const EPROTOTYPE: Errno = Errno(libc::EPROTOTYPE);
    /// `ENOPROTOOPT`: the socket option is unknown at that level.
    pub const ENOPROTOOPT: Errno = Errno(libc::ENOPROTOOPT);
    /// `EPROTONOSUPPORT`: protocol not supported.
    pub const EPROTONOSUPPORT: Errno = Errno(libc::EPROTONOSUPPORT);
    /// `ESOCKTNOSUPPORT`: socket type not supported.
    pub const ESOCKTNOSUPPORT: Errno = Errno(libc::ESOCKTNOSUPPORT);
    /// `EOPNOTSUPP`: the operation is not supported on this socket.
    pub const EOPNOTSUPP: Errno = Errno(libc::EOPNOTSUPP);
    /// `EPFNOSUPPORT`: protocol family not supported.
    pub const EPFNOSUPPORT: Errno = Errno(libc::EPFNOSUPPORT);
    /// `EAFNOSUPPORT`: the address family does not fit the socket.
    pub const EAFNOSUPPORT: Errno = Errno(libc::EAFNOSUPPORT);
    /// `EADDRINUSE`: the address is already bound.
    pub const EADDRINUSE: Errno = Errno(libc::EADDRINUSE);
    /// `EADDRNOTAVAIL`: the address is not local.
    pub const EADDRNOTAVAIL: Errno = Errno(libc::EADDRNOTAVAIL);
    /// `ENETDOWN`: network is down.
    pub const ENETDOWN: Errno = Errno(libc::ENETDOWN);
    /// `ENETUNREACH`: no route to the network.
    pub const ENETUNREACH: Errno = Errno(libc::ENETUNREACH);
    /// `ENETRESET`: network dropped connection on reset.
    pub const ENETRESET: Errno = Errno(libc::ENETRESET);
    /// `ECONNABORTED`: a connection aborted before it was accepted.
    pub const ECONNABORTED: Errno = Errno(libc::ECONNABORTED);
    /// `ECONNRESET`: the peer reset the connection.
    pub const ECONNRESET: Errno = Errno(libc::ECONNRESET);
    /// `ENOBUFS`: no buffer space.
    pub const ENOBUFS: Errno = Errno(libc::ENOBUFS);
    /// `EISCONN`: the socket is already connected.
    pub const EISCONN: Errno = Errno(libc::EISCONN);
    /// `ENOTCONN`: the socket is not connected.
    pub const ENOTCONN: Errno = Errno(libc::ENOTCONN);
    /// `ESHUTDOWN`: cannot send after transport endpoint shutdown.
    pub const ESHUTDOWN: Errno = Errno(libc::ESHUTDOWN);
    /// `ETOOMANYREFS`: too many references: cannot splice.
    pub const ETOOMANYREFS: Errno = Errno(libc::ETOOMANYREFS);
    /// `ETIMEDOUT`: a time-out expired.
    pub const ETIMEDOUT: Errno = Errno(libc::ETIMEDOUT);
    /// `ECONNREFUSED`: nothing listens at the address.
    pub const ECONNREFUSED: Errno = Errno(libc::ECONNREFUSED);
    /// `EHOSTDOWN`: host is down.
    pub const EHOSTDOWN: Errno = Errno(libc::EHOSTDOWN);
    /// `EHOSTUNREACH`: no route to the host.
    pub const EHOSTUNREACH: Errno = Errno(libc::EHOSTUNREACH);
    /// `EALREADY`: a connect is already in progress.
    pub const EALREADY: Errno = Errno(libc::EALREADY);
    /// `EINPROGRESS`: a non-blocking connect has started.
    pub const EINPROGRESS: Errno = Errno(libc::EINPROGRESS);
    /// `ESTALE`: stale file handle.
    pub const ESTALE: Errno = Errno(libc::ESTALE);
    /// `EUCLEAN`: structure needs cleaning.
    pub const EUCLEAN: Errno = Errno(libc::EUCLEAN);
    /// `ENOTNAM`: not a XENIX named type file.
    pub const ENOTNAM: Errno = Errno(libc::ENOTNAM);
    /// `ENAVAIL`: no XENIX semaphores available.
    pub const ENAVAIL: Errno = Errno(libc::ENAVAIL);
    /// `EISNAM`: is a named type file.
    pub const EISNAM: Errno = Errno(libc::EISNAM);
    /// `EREMOTEIO`: remote I/O error.
    pub const EREMOTEIO: Errno = Errno(libc::EREMOTEIO);
    /// `EDQUOT`: disk quota exceeded.
    pub const EDQUOT: Errno = Errno(libc::EDQUOT);
    /// `ENOMEDIUM`: no medium found.
    pub const ENOMEDIUM: Errno = Errno(libc::ENOMEDIUM);
    /// `EMEDIUMTYPE`: wrong medium type.
    pub const EMEDIUMTYPE: Errno = Errno(libc::EMEDIUMTYPE);
    /// `ECANCELED`: operation canceled.
    pub const ECANCELED: Errno = Errno(libc::ECANCELED);
    /// `ENOKEY`: required key not available.
    pub const ENOKEY: Errno = Errno(libc::ENOKEY);
    /// `EKEYEXPIRED`: key has expired.
    pub const EKEYEXPIRED: Errno = Errno(libc::EKEYEXPIRED);
    /// `EKEYREVOKED`: key has been revoked.
    pub const EKEYREVOKED: Errno = Errno(libc::EKEYREVOKED);
    /// `EKEYREJECTED`: key was rejected by service.
    pub const EKEYREJECTED: Errno = Errno(libc::EKEYREJECTED);
    /// `EOWNERDEAD`: owner died.
    pub const EOWNERDEAD: Errno = Errno(libc::EOWNERDEAD);
    /// `ENOTRECOVERABLE`: state not recoverable.
    pub const ENOTRECOVERABLE: Errno = Errno(libc::ENOTRECOVERABLE);
    /// `ERFKILL`: operation not possible due to RF-kill.
    pub const ERFKILL: Errno = Errno(libc::ERFKILL);
    /// `EHWPOISON`: memory page has hardware error.
    pub const EHWPOISON: Errno = Errno(libc::EHWPOISON);
}
