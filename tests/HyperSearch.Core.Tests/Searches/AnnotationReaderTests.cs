using HyperSearch.Core.Searches;

namespace HyperSearch.Core.Tests.Searches;

public class AnnotationReaderTests
{
    [Fact]
    public void Parse_NotesAndTags_TagsLowerCasedTrimmedAndDeduplicated()
    {
        var (annotation, errors) = AnnotationReader.Parse("""{ "notes": " baseline for the paper \n(fig. 3) ", "tags": ["Baseline", "lr-sweep", "baseline", " paper:fig3 "] }""");

        Assert.Empty(errors);
        Assert.Equal("baseline for the paper \n(fig. 3)", annotation!.Notes);
        Assert.Equal(["baseline", "lr-sweep", "paper:fig3"], annotation.Tags);
    }

    [Fact]
    public void Parse_Empty_NoNotesNoTags()
    {
        var (annotation, errors) = AnnotationReader.Parse("{}");

        Assert.Empty(errors);
        Assert.Equal(("", 0), (annotation!.Notes, annotation.Tags.Count));
    }

    [Theory]
    [InlineData("""{ "tags": ["ok", "not ok"] }""", "tags[1]", "may hold only a–z, 0–9 and - _ . : ; got ' ' in 'not ok'")]
    [InlineData("""{ "tags": ["a,b"] }""", "tags[0]", "got ','")]
    [InlineData("""{ "tags": [""] }""", "tags[0]", "must not be empty")]
    [InlineData("""{ "tags": [3] }""", "tags[0]", "must be a string")]
    [InlineData("""{ "tags": "baseline" }""", "tags", "must be an array of strings")]
    [InlineData("""{ "notes": 5 }""", "notes", "must be a string")]
    [InlineData("""{ "note": "typo" }""", "note", "unknown field (known: notes, tags)")]
    [InlineData("""{ "notes": "a\u0000b" }""", "notes", "NUL")]
    [InlineData("""[1]""", "$", "must be a JSON object")]
    [InlineData("""{""", "$", "not valid JSON")]
    public void Parse_BadInput_RefusedNamingTheField(string json, string path, string message)
    {
        var (annotation, errors) = AnnotationReader.Parse(json);

        Assert.Null(annotation);
        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message));
    }

    [Fact]
    public void Check_TooManyTagsAndTooLongNotes_BothNamed()
    {
        var tags = Enumerable.Range(0, Annotation.MaxTags + 1).Select(i => $"t{i}").ToList();

        var (_, errors) = AnnotationReader.Check(new string('n', Annotation.MaxNotes + 1), tags);

        Assert.Contains(errors, e => e.Path == "tags" && e.Message == $"must be at most {Annotation.MaxTags} tags; got {Annotation.MaxTags + 1}");
        Assert.Contains(errors, e => e.Path == "notes" && e.Message == $"must be at most {Annotation.MaxNotes} characters; got {Annotation.MaxNotes + 1}");
    }

    [Fact]
    public void Check_TagTextTypedOnAPage_SplitOnCommasAndSpaces()
    {
        var (annotation, errors) = AnnotationReader.Check("", "baseline, lr-sweep  Best");

        Assert.Empty(errors);
        Assert.Equal(["baseline", "lr-sweep", "best"], annotation.Tags);
    }
}
