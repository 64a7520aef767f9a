using MediaPlatform.Node;

// 0. Files this process creates are its user's alone (umask 077): journals and blobs hold users' data.
// 1. Who am I: flags and environment → typed options (bad input: one line on stderr, exit 2).
// 2. Is the world as the options say: writable data dir, free ports, reachable database.
// 3. Build the host (NodeApp.Build): Kestrel + Akka.NET in one process, each area added by its own extension.
// 4. Run until SIGTERM/SIGINT; CoordinatedShutdown leaves the cluster and hands shards over before exit 0.
OwnerOnlyFiles.Apply();
return await NodeCommand.RunAsync(args, NodeApp.Build);
