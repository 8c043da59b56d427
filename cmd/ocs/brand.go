package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/render"
)

// brandFlags are the house-style flags of render and build.
type brandFlags struct {
	name, line, footer, logo, color string
}

// addBrandFlags registers --brand-name, --brand-line, --brand-footer,
// --brand-logo and --brand-color.
func addBrandFlags(cmd *cobra.Command, f *brandFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.name, "brand-name", "", "house style: the organisation's name in the page header")
	fl.StringVar(&f.line, "brand-line", "", "house style: a document number or date line in the page header")
	fl.StringVar(&f.footer, "brand-footer", "", "house style: an address or contact line at the foot of every page")
	fl.StringVar(&f.logo, "brand-logo", "", "house style: a PNG or JPEG logo for the page header")
	fl.StringVar(&f.color, "brand-color", "", "house style: accent colour for rules and header shading, #RRGGBB")
}

// paths resolves the house style's texts and the logo's file path from
// the flags and the settings file (flags win), without reading the logo.
func (f *brandFlags) paths(cmd *cobra.Command, st *settings) brandFlags {
	pick := func(flag, value, setting string) string {
		if cmd.Flags().Changed(flag) {
			return value
		}
		return setting
	}
	return brandFlags{
		name:   pick("brand-name", f.name, st.Brand.Name),
		line:   pick("brand-line", f.line, st.Brand.Line),
		footer: pick("brand-footer", f.footer, st.Brand.Footer),
		logo:   pick("brand-logo", f.logo, st.Brand.Logo),
		color:  pick("brand-color", f.color, st.Brand.Color),
	}
}

// brand resolves the house style from the flags and the settings file's
// [brand] table (flags win); nil when neither sets anything.
func (f *brandFlags) brand(cmd *cobra.Command, st *settings) (*render.Brand, error) {
	p := f.paths(cmd, st)
	color, logo := p.color, p.logo
	b := &render.Brand{Name: p.name, Line: p.line, Footer: p.footer}
	if color != "" {
		c, err := render.ParseColor(color)
		if err != nil {
			return nil, fmt.Errorf("brand: %w", err)
		}
		b.Color = c
	}
	if logo != "" {
		img, err := readLogo(logo)
		if err != nil {
			return nil, err
		}
		b.Logo = img
	}
	if b.IsZero() {
		return nil, nil
	}
	return b, nil
}

// readLogo reads a logo file, checking its kind before reading it whole.
func readLogo(path string) (*render.Image, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("brand logo: %w", err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, render.MaxImageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("brand logo %s: %w", path, err)
	}
	img, err := render.LoadImage(data)
	if err != nil {
		return nil, fmt.Errorf("brand logo %s: %w", path, err)
	}
	return img, nil
}
