// Package pipeline is the one road from a standard's bytes to a document's
// bytes, shared by the command line and the server:
//
//	src, _ := pipeline.Open("THM2431-001v1")          // a file, a bundled code, or Source{Name, Data}
//	s, warnings, err := pipeline.Load(src)             // parse + validate; errors refuse
//	doc, notes, err := pipeline.Build(s, pipeline.Standard, opt)
//	data, warns, err := enc.Encode(ctx, doc, pipeline.PDF)
//
// Every step works from bytes already in memory: nothing here writes to
// disk, prints, or reads the environment. Problems are returned, not
// printed, so each caller reports them its own way. An Encoder is made once
// (fonts are loaded once) and is safe for concurrent use by many renders.
package pipeline
