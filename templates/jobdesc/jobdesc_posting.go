package jobdesc

import (
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// pay writes 待遇與福利: the salary in words and the benefits.
func (b *jobDesc) pay() {
	b.sectionPairs("section_pay", []render.Pair{
		b.pair("salary", b.salaryText()),
		b.pairList("benefits", b.o.Benefits),
	})
}

// salaryText says the pay in words: 「月薪 32,000～40,000 元」, 「面議」.
func (b *jobDesc) salaryText() string {
	s := b.o.Salary
	unit := b.l.Get("unit_" + s.unit())
	amount := ""
	switch {
	case s.Min > 0 && s.Max > 0 && s.Min == s.Max:
		amount = b.fill("salary_fixed", "{unit}", unit, "{min}", moneyText(s.Min))
	case s.Min > 0 && s.Max > 0:
		amount = b.fill("salary_range", "{unit}", unit, "{min}", moneyText(s.Min), "{max}", moneyText(s.Max))
	case s.Min > 0:
		amount = b.fill("salary_from", "{unit}", unit, "{min}", moneyText(s.Min))
	case s.Max > 0:
		amount = b.fill("salary_upto", "{unit}", unit, "{max}", moneyText(s.Max))
	}
	if !s.Negotiable {
		return amount
	}
	if amount == "" {
		return b.l.Get("salary_negotiable")
	}
	return b.fill("salary_negotiable_with", "{amount}", amount)
}

// moneyText writes a whole number of dollars with thousands separators.
func moneyText(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// place writes 工作地點與時間.
func (b *jobDesc) place() {
	b.sectionPairs("section_place", []render.Pair{
		b.pair("address", b.address()),
		b.pair("hours", b.o.Hours),
		b.pair("start_date", b.o.StartDate),
	})
}

// address is the place of work in one line, with the remote option.
func (b *jobDesc) address() string {
	l := b.o.Location
	addr := l.Address
	if !strings.HasPrefix(addr, l.Region+l.Locality) {
		head := l.Region
		if !strings.HasPrefix(addr, l.Locality) {
			head += l.Locality
		}
		addr = head + addr
	}
	if l.PostalCode != "" {
		addr = l.PostalCode + " " + addr
	}
	switch {
	case b.o.Remote && addr == "":
		return b.l.Get("remote_only")
	case b.o.Remote:
		return b.fill("remote_hybrid", "{address}", addr)
	}
	return addr
}

// contact writes 聯絡方式 and the posting dates.
func (b *jobDesc) contact() {
	c := b.o.Contact
	b.sectionPairs("section_contact", []render.Pair{
		b.pair("contact_name", c.Name),
		b.pair("email", c.Email),
		b.pair("phone", c.Phone),
		b.pair("url", c.URL),
		b.pair("date_posted", string(b.o.DatePosted)),
		b.pair("valid_through", string(b.o.ValidThrough)),
	})
}

// sectionPairs writes a section of one-column pairs, or nothing when no
// pair has a value.
func (b *jobDesc) sectionPairs(key string, ps []render.Pair) {
	for _, p := range ps {
		if len(p.Value) > 0 {
			b.section(key)
			b.pairs(1, ps)
			return
		}
	}
}
