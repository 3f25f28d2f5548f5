using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, for example --filter '*VectorScan*'; --list flat shows them all.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
