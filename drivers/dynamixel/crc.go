package dynamixel

// crcTable is the table of the CRC-16 with polynomial 0x8005 (x^16 + x^15 +
// x^2 + 1), MSB first, initial value 0 and no final XOR — the CRC the ROBOTIS
// e-Manual specifies for Protocol 2.0 ("CRC Calculation",
// emanual.robotis.com/docs/en/dxl/crc/). Computed once at start-up rather than
// typed in, so a transcription error cannot hide in 256 constants.
var crcTable = func() (t [256]uint16) {
	for i := range t {
		c := uint16(i) << 8
		for range 8 {
			if c&0x8000 != 0 {
				c = c<<1 ^ 0x8005
			} else {
				c <<= 1
			}
		}
		t[i] = c
	}
	return t
}()

// UpdateCRC returns the Protocol 2.0 CRC of data continued from crc; start a
// packet with crc = 0. The CRC covers the whole packet from the header
// through the last (stuffed) parameter.
func UpdateCRC(crc uint16, data []byte) uint16 {
	for _, b := range data {
		crc = crc<<8 ^ crcTable[byte(crc>>8)^b]
	}
	return crc
}
