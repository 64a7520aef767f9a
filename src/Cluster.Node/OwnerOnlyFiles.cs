using System.Runtime.InteropServices;

namespace MediaPlatform.Node;

/// <summary>
/// Everything the node creates (journal, SQLite's -wal and -shm, blobs, scratch, their folders) is readable by the
/// node's user only: the process umask becomes 077 before any file is made. A umask rather than per-file modes,
/// because SQLite and ffmpeg create files of their own. Unix only; elsewhere the OS's ACLs apply.
/// </summary>
public static class OwnerOnlyFiles
{
    private const uint GroupAndOthersMask = 0b000_111_111; // 077

    public static void Apply()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
            umask(GroupAndOthersMask);
    }

    // DllImport rather than LibraryImport: the latter needs the whole project compiled with unsafe code allowed.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054
}
