namespace MelanoGans.Shared.Imaging;

/// <summary>
/// An image file that cannot or must not be decoded: corrupt, not a PNG or JPEG, too large, or declaring
/// more pixels than the limits allow. The message is one line fit for a per-file import error.
/// </summary>
public sealed class ImageDecodeException : Exception
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public ImageDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and the decoder's own exception.</summary>
    public ImageDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
