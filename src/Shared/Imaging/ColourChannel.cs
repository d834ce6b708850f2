namespace MelanoGans.Shared.Imaging;

/// <summary>An RGB channel, in the order the bytes of an <see cref="RgbImage"/> are interleaved.</summary>
public enum ColourChannel
{
    /// <summary>Red, byte 0 of a pixel.</summary>
    Red = 0,

    /// <summary>Green, byte 1 of a pixel.</summary>
    Green = 1,

    /// <summary>Blue, byte 2 of a pixel.</summary>
    Blue = 2,
}
