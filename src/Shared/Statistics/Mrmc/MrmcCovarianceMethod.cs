namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>How the covariances of the reader x test AUCs are estimated.</summary>
public enum MrmcCovarianceMethod
{
    /// <summary>Jackknife over cases (the default; the only one for a split design).</summary>
    Jackknife,

    /// <summary>DeLong et al. (1988) structural components; every test must have seen every case.</summary>
    DeLong,

    /// <summary>The unbiased U-statistic estimator (Gallas 2006); every test must have seen every case.</summary>
    Unbiased,
}
