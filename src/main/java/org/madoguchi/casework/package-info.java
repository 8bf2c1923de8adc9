/** Cases, intake channels, work queues, double keying, deficiencies, decisions and SLA clocks. */
package org.madoguchi.casework;
