namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// The input of an MRMC analysis: one rating per reader, test and case, and each case's truth. Higher ratings mean
/// "more likely abnormal" (truth 1). A test may not have seen every case (a split design: the studio's generators
/// share the reals but each has fakes of its own); such cells are <see cref="double.NaN"/>.
/// </summary>
public sealed class MrmcTable
{
    /// <summary>Builds a table; <paramref name="ratings"/>[test][reader][case], NaN where the test never showed the case.</summary>
    public MrmcTable(IReadOnlyList<string> tests, IReadOnlyList<string> readers, IReadOnlyList<string> cases, IReadOnlyList<bool> abnormal, double[][][] ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (abnormal.Count != cases.Count) throw new ArgumentException("one truth per case", nameof(abnormal));
        if (ratings.Length != tests.Count || ratings.Any(t => t.Length != readers.Count || t.Any(r => r.Length != cases.Count)))
            throw new ArgumentException("ratings must be tests x readers x cases", nameof(ratings));
        Tests = tests;
        Readers = readers;
        Cases = cases;
        Abnormal = abnormal;
        Ratings = ratings;
    }

    public IReadOnlyList<string> Tests { get; }

    public IReadOnlyList<string> Readers { get; }

    public IReadOnlyList<string> Cases { get; }

    /// <summary>Truth per case: true = abnormal (in the studio: a fake).</summary>
    public IReadOnlyList<bool> Abnormal { get; }

    /// <summary>[test][reader][case]; NaN where the test did not show the case.</summary>
    public double[][][] Ratings { get; }

    /// <summary>True when test <paramref name="test"/> showed case <paramref name="c"/> (to its first reader; every reader read the same cases).</summary>
    public bool Saw(int test, int c) => !double.IsNaN(Ratings[test][0][c]);

    /// <summary>The same table with only <paramref name="tests"/>, in that order; an unknown name throws <see cref="MrmcInputException"/>.</summary>
    public MrmcTable Select(IReadOnlyList<string> tests)
    {
        var names = Tests.ToList();
        var indices = tests.Select(t => names.IndexOf(t) is var i and >= 0
            ? i
            : throw new MrmcInputException($"There is no test '{t}' in the table; it has {string.Join(", ", Tests)}.")).ToArray();
        return new MrmcTable(tests, Readers, Cases, Abnormal, indices.Select(i => Ratings[i]).ToArray());
    }

    /// <summary>True when every test showed every case.</summary>
    public bool Crossed => Enumerable.Range(0, Tests.Count).All(t => Enumerable.Range(0, Cases.Count).All(c => Saw(t, c)));
}
