using System.Runtime.CompilerServices;

// The translation tests check the lexicon format and the target prefilters directly.
[assembly: InternalsVisibleTo("QaBot.Analysis.Tests")]
