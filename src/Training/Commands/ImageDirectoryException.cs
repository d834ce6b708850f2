namespace MelanoGans.Training.Commands;

/// <summary>A folder of images that cannot be read as an image set; the message is one line naming the file.</summary>
internal sealed class ImageDirectoryException(string message) : Exception(message);
