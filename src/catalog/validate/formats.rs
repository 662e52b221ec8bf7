//! Checks of single values: URLs, dates, ids, codes. Each returns the problem in words.

/// A web address, checked as a phone's browser reads it (the WHATWG URL standard, through
/// the `url` crate), so the address a person reads is the site the phone opens:
/// - `http://` or `https://`, with no space, control character or backslash;
/// - no user-info: in `https://roc.kernhigh.org@evil.example.com/` the part before `@` is
///   a user name, and the phone opens evil.example.com;
/// - a host that is a name with a dot, not an IP address, written in plain ASCII exactly
///   as the browser reads it (no percent-encoding, no look-alike letters).
///
/// Returns whether it is https.
pub fn web_url(url: &str) -> Result<bool, String> {
    let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = url.strip_prefix("http://") {
        (false, rest)
    } else {
        return Err(format!(
            "'{url}' is not a web address (http:// or https://)"
        ));
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(format!(
            "'{url}' contains a space, backslash or control character"
        ));
    }
    let parsed =
        url::Url::parse(url).map_err(|e| format!("'{url}' is not a valid web address: {e}"))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        let opens = parsed.host_str().unwrap_or_default();
        return Err(format!(
            "'{url}' has a user name before the host (the part before '@'): a phone would open {opens}"
        ));
    }
    let host = match parsed.host() {
        Some(url::Host::Domain(host)) => host,
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => {
            return Err(format!(
                "'{url}' names its host by IP address, which says nothing to the person reading it"
            ));
        }
        None => return Err(format!("'{url}' has no host name")),
    };
    let written = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let written = written
        .rsplit_once(':')
        .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
        .map_or(written, |(host, _)| host);
    if !written.eq_ignore_ascii_case(host) {
        return Err(format!(
            "'{url}': a phone reads the host '{written}' as '{host}'"
        ));
    }
    if !host.contains('.') {
        return Err(format!("'{url}' has no host name"));
    }
    Ok(https)
}

/// A URL a student's phone opens: must be https.
pub fn https_url(url: &str) -> Result<(), String> {
    match web_url(url)? {
        true => Ok(()),
        false => Err(format!("'{url}' is not https")),
    }
}

/// A school year written "2026-27": the second year follows the first.
pub fn school_year(text: &str) -> Result<(), String> {
    let bad = || format!("'{text}' is not a school year written like \"2026-27\"");
    let (first, second) = text.split_once('-').ok_or_else(bad)?;
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if first.len() != 4 || second.len() != 2 || !all_digits(first) || !all_digits(second) {
        return Err(bad());
    }
    let first: u32 = first.parse().map_err(|_| bad())?;
    let second: u32 = second.parse().map_err(|_| bad())?;
    if (first + 1) % 100 != second {
        return Err(format!(
            "'{text}' is not a school year: the second year must follow the first (e.g. \"2026-27\")"
        ));
    }
    Ok(())
}

/// A month/day that happens in some year (February 29 allowed).
pub fn month_day(month: u8, day: u8) -> Result<(), String> {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return Err(format!("month {month} is not 1 to 12")),
    };
    if day == 0 || day > days {
        return Err(format!("day {day} does not exist in month {month}"));
    }
    Ok(())
}

/// A clock time "HH:MM" (24 h); returns minutes after midnight.
pub fn clock_time(text: &str) -> Result<u32, String> {
    let bad = || format!("'{text}' is not a time written HH:MM (24-hour)");
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// An id: lowercase ASCII letters, digits, '-' and '_'. Ids go into booth logs and
/// command lines, so they stay plain.
pub fn id(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("the id is empty".into());
    }
    if !text
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(format!(
            "'{text}' has characters other than a-z, 0-9, '-' and '_'"
        ));
    }
    Ok(())
}

/// An O*NET-SOC code: "31-1131.00".
pub fn onet_code(text: &str) -> Result<(), String> {
    let b = text.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            2 => *c == b'-',
            7 => *c == b'.',
            _ => c.is_ascii_digit(),
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "'{text}' is not an O*NET-SOC code like \"31-1131.00\""
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(web_url("https://roc.kernhigh.org"), Ok(true));
        assert_eq!(web_url("http://roc.kernhigh.org/a?b#c"), Ok(false));
        assert_eq!(web_url("https://ROC.kernhigh.org:443/x@y"), Ok(true));
        assert!(web_url("roc.kernhigh.org").is_err());
        assert!(web_url("https://").is_err());
        assert!(web_url("https://roc kernhigh.org").is_err());
        assert!(web_url("https://localhost/apply").is_err());
        assert!(https_url("http://roc.kernhigh.org").is_err());
        assert!(https_url("ftp://roc.kernhigh.org").is_err());
    }

    #[test]
    fn urls_that_read_as_one_site_and_open_another_are_refused() {
        let err = |url: &str| web_url(url).unwrap_err();
        assert!(
            err("https://roc.kernhigh.org@evil.example.com/apply")
                .contains("a phone would open evil.example.com"),
        );
        assert!(err("https://user:pw@roc.kernhigh.org/").contains("user name"));
        // An empty user-info is not a user name, but it is still not written as read.
        assert!(err("https://:@roc.kernhigh.org/").contains("reads the host ':@roc.kernhigh.org'"));
        for ip in [
            "https://93.184.216.34/apply",
            "https://[2001:db8::1]/apply",
            "https://0x5db8d822/apply",
            "https://3652769826/apply",
        ] {
            assert!(err(ip).contains("IP address"), "{ip}: {}", err(ip));
        }
        assert!(err("https://evil.example.com\\@roc.kernhigh.org").contains("backslash"));
        assert!(err("https://roc%2ekernhigh.org/").contains("reads the host"));
        assert!(err("https://rоc.kernhigh.org/").contains("not a valid web address"));
    }

    #[test]
    fn school_years_and_month_days() {
        assert!(school_year("2026-27").is_ok());
        assert!(school_year("2099-00").is_ok());
        assert!(school_year("2026-28").is_err());
        assert!(school_year("2026/27").is_err());
        assert!(month_day(2, 29).is_ok());
        assert!(month_day(2, 30).is_err());
        assert!(month_day(4, 31).is_err());
        assert!(month_day(13, 1).is_err());
        assert!(month_day(1, 0).is_err());
    }

    #[test]
    fn times_ids_codes() {
        assert_eq!(clock_time("07:30"), Ok(450));
        assert!(clock_time("7:30").is_err());
        assert!(clock_time("24:00").is_err());
        assert!(id("vet-tech_2").is_ok());
        assert!(id("Vet Tech").is_err());
        assert!(id("").is_err());
        assert!(onet_code("31-1131.00").is_ok());
        assert!(onet_code("31-1131").is_err());
        assert!(onet_code("311131.00x").is_err());
    }
}
