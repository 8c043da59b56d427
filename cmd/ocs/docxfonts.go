package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/render/docx"
)

// addDocxEmbedFlag registers --docx-embed-fonts.
func addDocxEmbedFlag(cmd *cobra.Command, p *bool) {
	cmd.Flags().BoolVar(p, "docx-embed-fonts", true,
		"DOCX: carry the used characters of the fonts in the file, so LibreOffice and Word without 標楷體 show the same pages")
}

// docxEmbed decides, from the flag and the settings file, whether DOCX
// files carry their fonts. The flag wins when given.
func docxEmbed(cmd *cobra.Command, flag bool, st *settings) bool {
	if !cmd.Flags().Changed("docx-embed-fonts") && st.DOCX.EmbedFonts != nil {
		return *st.DOCX.EmbedFonts
	}
	return flag
}

// docxFonts lists the fonts a DOCX carries: the main face under the
// East Asian font's name and the Latin faces under the ASCII font's name.
// The embedded TW-Kai and OCS Serif may be carried editable (their
// licences allow the change); a user's font whose licence flags do not
// allow an editable embedding is left out with a warning, and the file
// then only names it.
func docxFonts(set *fonts.Set, opt docx.Options) (list []docx.Font, warnings []string) {
	eastAsia, ascii := opt.EastAsiaFont, opt.ASCIIFont
	if eastAsia == "" {
		eastAsia = docx.DefaultEastAsiaFont
	}
	if ascii == "" {
		ascii = docx.DefaultASCIIFont
	}
	usable := func(f *fonts.Face) (*fonts.Face, bool) {
		if f == nil || f.SyntheticBold {
			return nil, true
		}
		if f.Source == "embedded" || fonts.Editable(f.Data) {
			return f, true
		}
		v, _ := fonts.FSType(f.Data)
		warnings = append(warnings, fmt.Sprintf("DOCX does not carry font %s: its licence flags (fsType 0x%04x) do not allow an editable document to carry it; the file names it only", f.Name, v))
		return nil, false
	}
	if reg, ok := usable(set.Regular); ok && reg != nil {
		bold, _ := usable(set.Bold)
		list = append(list, docx.Font{Name: eastAsia, Regular: reg, Bold: bold, MakeEditable: reg.Source == "embedded"})
	}
	if set.Latin != nil && ascii != eastAsia {
		if lat, ok := usable(set.Latin); ok && lat != nil {
			bold, _ := usable(set.LatinBold)
			list = append(list, docx.Font{Name: ascii, Regular: lat, Bold: bold, LatinOnly: true, MakeEditable: lat.Source == "embedded"})
		}
	}
	return list, warnings
}

// addReferenceFlag registers --reference-docx.
func addReferenceFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "reference-docx", "",
		"DOCX: take styles, page size, margins, header and footer from this Word file (.docx or .dotx)")
}

// maxReference is the largest reference document read.
const maxReference = 64 << 20

// docxReference reads the reference document named by the flag, else by
// the settings file; nil when neither names one.
func docxReference(cmd *cobra.Command, flag string, st *settings) (*docx.Reference, error) {
	name := flag
	if !cmd.Flags().Changed("reference-docx") && st.DOCX.Reference != "" {
		name = st.DOCX.Reference
	}
	if name == "" {
		return nil, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("reference document: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxReference+1))
	if err != nil {
		return nil, fmt.Errorf("reference document %s: %w", name, err)
	}
	if len(data) > maxReference {
		return nil, fmt.Errorf("reference document %s is larger than %d MB", name, maxReference>>20)
	}
	ref, err := docx.ParseReference(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ref, nil
}

// setupDocx fills in the DOCX options of an encoder: the reference
// document and the fonts to carry. A reference document brings its own
// fonts, so nothing is carried then.
func setupDocx(cmd *cobra.Command, opt *docx.Options, set *fonts.Set, embed bool, reference string, st *settings) error {
	ref, err := docxReference(cmd, reference, st)
	if err != nil {
		return err
	}
	opt.Reference = ref
	if ref != nil || !docxEmbed(cmd, embed, st) {
		return nil
	}
	var warns []string
	opt.Embed, warns = docxFonts(set, *opt)
	for _, w := range warns {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
	}
	return nil
}
