namespace MelanoGans.Training.Networks;

/// <summary>The architectures compared by the MelanoGANs study.</summary>
public enum GanArchitecture
{
    /// <summary>Single-scale DCGAN: z projected to 4x4, transposed convolutions up to the resolution.</summary>
    Dcgan,

    /// <summary>Laplacian pyramid: a 32x32 base image plus one residual per finer level, each with its own noise.</summary>
    Lapgan,

    /// <summary>The study's LAPGAN modification with one noise source and fixed bilinear upsampling between levels.</summary>
    DdganUpsample,

    /// <summary>The study's LAPGAN modification with one noise source and learned transposed-convolution upsampling.</summary>
    DdganDeconv,
}
