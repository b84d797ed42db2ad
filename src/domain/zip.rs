//! A zip written by hand with every entry STORED (no compression), a fixed 1980-01-01
//! timestamp and entries in the order added, so the same parts always give the same bytes:
//! what Office packages need (.docx in `docx`, .xlsx in `xlsx`), in a few hundred bytes of
//! wasm instead of a compression crate.

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) lookup table.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-32 a zip entry carries.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8))
}

/// DOS date 1980-01-01 (year 0, month 1, day 1) and time 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

/// A zip being written: add parts in order, then `finish`.
#[derive(Default)]
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let offset = self.out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        // Local file header.
        let mut h = Vec::with_capacity(30 + name.len());
        put32(&mut h, 0x0403_4b50);
        put16(&mut h, 20); // version needed: 2.0
        put16(&mut h, 0); // flags
        put16(&mut h, 0); // method: stored
        put16(&mut h, DOS_TIME);
        put16(&mut h, DOS_DATE);
        put32(&mut h, crc);
        put32(&mut h, size); // compressed size
        put32(&mut h, size);
        put16(&mut h, name.len() as u16);
        put16(&mut h, 0); // extra length
        h.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&h);
        self.out.extend_from_slice(data);
        // Central directory entry.
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, 20); // version made by: 2.0, MS-DOS
        put16(c, 20);
        put16(c, 0);
        put16(c, 0);
        put16(c, DOS_TIME);
        put16(c, DOS_DATE);
        put32(c, crc);
        put32(c, size);
        put32(c, size);
        put16(c, name.len() as u16);
        put16(c, 0); // extra length
        put16(c, 0); // comment length
        put16(c, 0); // disk number
        put16(c, 0); // internal attributes
        put32(c, 0); // external attributes
        put32(c, offset);
        c.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    pub fn finish(mut self) -> Vec<u8> {
        let cd_offset = self.out.len() as u32;
        let cd_size = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        let o = &mut self.out;
        put32(o, 0x0605_4b50);
        put16(o, 0); // this disk
        put16(o, 0); // disk with the central directory
        put16(o, self.count);
        put16(o, self.count);
        put32(o, cd_size);
        put32(o, cd_offset);
        put16(o, 0); // comment length
        self.out
    }
}

fn put16(v: &mut Vec<u8>, n: u16) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, n: u32) {
    v.extend_from_slice(&n.to_le_bytes());
}
