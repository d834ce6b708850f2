namespace MelanoGans.Server.Data.Copy;

/// <summary>One table of a copy: its rows and content checksum on each side.</summary>
/// <param name="Table">The table name.</param>
/// <param name="SourceRows">Rows in the source.</param>
/// <param name="TargetRows">Rows in the target after the copy.</param>
/// <param name="SourceChecksum">SHA-256 of the source rows (<see cref="TableChecksum"/>).</param>
/// <param name="TargetChecksum">SHA-256 of the target rows.</param>
public sealed record TableReport(string Table, int SourceRows, int TargetRows, string SourceChecksum, string TargetChecksum)
{
    /// <summary>Counts and checksums agree.</summary>
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}
