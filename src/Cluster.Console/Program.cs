using MediaPlatform.Ctl;

// mpctl: the operator console. One command per invocation (`mpctl cluster show`), or an interactive prompt when no
// command is given. Talks to any node's management API over HTTP; see `mpctl help`.
return await CtlApp.RunAsync(args, Console.Out, Console.Error);
