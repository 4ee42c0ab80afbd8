<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <source>Một Cửa Desk</source>
        <translation>Một Cửa Desk</translation>
    </message>
    <message>
        <source>Một Cửa Desk is already running with this data folder:
{folder}

Use the window that is already open (look in the taskbar). Two windows must never hand out dossier numbers at the same time.</source>
        <translation>Một Cửa Desk đang chạy với thư mục dữ liệu này:
{folder}

Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ). Không được để hai cửa sổ cùng cấp số hồ sơ một lúc.</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <source>Received this week</source>
        <translation>Tiếp nhận tuần này</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due next working day</source>
        <translation>Đến hạn ngày làm việc tới</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Waiting for the citizen</source>
        <translation>Tạm dừng, chờ công dân</translation>
    </message>
    <message>
        <source>Results to hand back</source>
        <translation>Kết quả chờ trả</translation>
    </message>
    <message>
        <source>Overdue dossiers (most late first)</source>
        <translation>Hồ sơ quá hạn (trễ nhiều nhất trước)</translation>
    </message>
    <message>
        <source>Dossiers due today</source>
        <translation>Hồ sơ đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Dossiers due today or on the next working day</source>
        <translation>Hồ sơ đến hạn hôm nay hoặc ngày làm việc tới</translation>
    </message>
    <message>
        <source>Dossiers waiting for a supplement or a payment</source>
        <translation>Hồ sơ chờ bổ sung hoặc chờ thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Results ready to hand back</source>
        <translation>Hồ sơ đã có kết quả, chờ trả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>&amp;Quá hạn</translation>
    </message>
    <message>
        <source>Due &amp;today</source>
        <translation>Đến hạn &amp;hôm nay</translation>
    </message>
    <message>
        <source>Due to&amp;morrow</source>
        <translation>Đến hạn ngày &amp;mai</translation>
    </message>
    <message>
        <source>&amp;Waiting</source>
        <translation>&amp;Tạm dừng</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Chờ trả</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Working days late</source>
        <translation>Số ngày trễ</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tình trạng hạn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Double-click or Enter on a row opens the dossier on the dossier desk.</source>
        <translation>Nhấp đúp hoặc nhấn Enter trên một dòng để mở hồ sơ ở màn hình Hồ sơ.</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <source>By clerk</source>
        <translation>Theo cán bộ</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Cập nhật lúc {time}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Document received</source>
        <translation>Thành phần hồ sơ đã nhận</translation>
    </message>
    <message>
        <source>Orig.</source>
        <translation>Chính</translation>
    </message>
    <message>
        <source>Cert.</source>
        <translation>Sao CT</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao</translation>
    </message>
    <message>
        <source>Originals (bản chính)</source>
        <translation>Số bản chính</translation>
    </message>
    <message>
        <source>Certified copies (bản sao chứng thực)</source>
        <translation>Số bản sao có chứng thực</translation>
    </message>
    <message>
        <source>Plain copies (bản sao)</source>
        <translation>Số bản sao (bản chụp)</translation>
    </message>
    <message>
        <source>(shown, not kept)</source>
        <translation>(chỉ xuất trình, không lưu)</translation>
    </message>
</context>
<context>
    <name>CommuneSyncPage</name>
    <message>
        <source>Last export</source>
        <translation>Lần xuất gần nhất</translation>
    </message>
    <message>
        <source>Last acknowledgement from the office</source>
        <translation>Xác nhận gần nhất của cấp trên</translation>
    </message>
    <message>
        <source>Changes not yet acknowledged</source>
        <translation>Thay đổi chưa được xác nhận</translation>
    </message>
    <message>
        <source>Export sync file…</source>
        <translation>Xuất tệp đồng bộ…</translation>
    </message>
    <message>
        <source>Choose the USB drive (or a folder to attach to an e-mail)</source>
        <translation>Chọn ổ USB (hoặc một thư mục để gửi kèm thư điện tử)</translation>
    </message>
    <message>
        <source>Writes everything since the last acknowledgement. Always safe: when unsure whether the last file arrived, export again.</source>
        <translation>Ghi mọi thay đổi kể từ lần xác nhận gần nhất. Luôn an toàn: khi không chắc tệp lần trước đã đến nơi, hãy xuất lại.</translation>
    </message>
    <message>
        <source>Send to the upstream office</source>
        <translation>Gửi lên cấp trên</translation>
    </message>
    <message>
        <source>Import files from the office…</source>
        <translation>Nhập tệp từ cấp trên…</translation>
    </message>
    <message>
        <source>Acknowledgements (.mca) and updates of procedures, calendar or keys (.mcu); several at once, in any order; the same file twice is harmless.</source>
        <translation>Tệp xác nhận (.mca) và tệp cập nhật thủ tục, lịch làm việc hoặc khóa (.mcu); chọn được nhiều tệp, theo thứ tự bất kỳ; nhập trùng một tệp cũng không sao.</translation>
    </message>
    <message>
        <source>Enter the code</source>
        <translation>Nhập mã</translation>
    </message>
    <message>
        <source>Acknowledgement code read over the phone:</source>
        <translation>Mã xác nhận đọc qua điện thoại:</translation>
    </message>
    <message>
        <source>When the acknowledgement file cannot reach this desk, the office reads out its 16-character code.</source>
        <translation>Khi tệp xác nhận không chuyển được đến máy này, cấp trên đọc mã 16 ký tự qua điện thoại.</translation>
    </message>
    <message>
        <source>Receive from the upstream office</source>
        <translation>Nhận từ cấp trên</translation>
    </message>
    <message>
        <source>What the last export or import did appears here.</source>
        <translation>Kết quả của lần xuất hoặc nhập gần nhất hiện ở đây.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Changes the office could not apply</source>
        <translation>Thay đổi cấp trên chưa áp dụng được</translation>
    </message>
    <message>
        <source>Sync with the upstream office</source>
        <translation>Đồng bộ với cấp trên</translation>
    </message>
    <message>
        <source>of {total} changes recorded on this desk</source>
        <translation>trên tổng số {total} thay đổi ghi tại máy này</translation>
    </message>
    <message>
        <source>{files} exported file(s) waiting for acknowledgement</source>
        <translation>{files} tệp đã xuất đang chờ xác nhận</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Cập nhật lúc {time}</translation>
    </message>
    <message>
        <source>Unit {code} · station {station}</source>
        <translation>Đơn vị {code} · máy số {station}</translation>
    </message>
    <message>
        <source>key {fingerprint}</source>
        <translation>khóa {fingerprint}</translation>
    </message>
    <message>
        <source>Upstream office: {name} ({code}), key {fingerprint}</source>
        <translation>Cấp trên: {name} ({code}), khóa {fingerprint}</translation>
    </message>
    <message>
        <source>Upstream office: not trusted yet</source>
        <translation>Cấp trên: chưa tin cậy khóa</translation>
    </message>
    <message>
        <source>Never exported</source>
        <translation>Chưa xuất lần nào</translation>
    </message>
    <message>
        <source>No sync file has been written on this desk yet.</source>
        <translation>Máy này chưa ghi tệp đồng bộ nào.</translation>
    </message>
    <message>
        <source>Bundle no. {seq}, changes {range}
{file}</source>
        <translation>Gói số {seq}, thay đổi {range}
{file}</translation>
    </message>
    <message>
        <source>Acknowledged by the office</source>
        <translation>Cấp trên đã xác nhận</translation>
    </message>
    <message>
        <source>Waiting for the office&apos;s acknowledgement</source>
        <translation>Đang chờ cấp trên xác nhận</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Chưa có</translation>
    </message>
    <message>
        <source>The office has not acknowledged any file yet.</source>
        <translation>Cấp trên chưa xác nhận tệp nào.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} ngày trước</translation>
    </message>
    <message>
        <source>At {time}: every change up to no. {n} received</source>
        <translation>Lúc {time}: đã nhận mọi thay đổi đến số {n}</translation>
    </message>
    <message>
        <source>Choose the USB drive or folder for the sync file</source>
        <translation>Chọn ổ USB hoặc thư mục để ghi tệp đồng bộ</translation>
    </message>
    <message>
        <source>Writing the sync file and reading it back… Do not remove the USB drive yet.</source>
        <translation>Đang ghi tệp đồng bộ và đọc lại để kiểm tra… CHƯA được rút USB.</translation>
    </message>
    <message>
        <source>Writing the sync file…</source>
        <translation>Đang ghi tệp đồng bộ…</translation>
    </message>
    <message>
        <source>The sync file was NOT written completely. Export again.</source>
        <translation>Tệp đồng bộ CHƯA được ghi trọn vẹn. Hãy xuất lại.</translation>
    </message>
    <message>
        <source>{path} ({kb} KB): read back and verified</source>
        <translation>{path} ({kb} KB): đã đọc lại và kiểm tra</translation>
    </message>
    <message>
        <source>Bundle no. {seq} written: changes {range} ({count} changes, everything since the last acknowledgement).</source>
        <translation>Đã ghi gói số {seq}: thay đổi {range} ({count} thay đổi, tức mọi thay đổi kể từ lần xác nhận gần nhất).</translation>
    </message>
    <message>
        <source>No change since the last acknowledgement: the file only reports this desk&apos;s versions.</source>
        <translation>Không có thay đổi nào kể từ lần xác nhận gần nhất: tệp chỉ báo phiên bản dữ liệu của máy này.</translation>
    </message>
    <message>
        <source>Every file was read back and verified: the USB drive may now be removed.</source>
        <translation>Mọi tệp đã được đọc lại và kiểm tra: bây giờ có thể rút USB.</translation>
    </message>
    <message>
        <source>A copy stays on this computer until the office acknowledges it.</source>
        <translation>Máy này giữ một bản sao cho đến khi cấp trên xác nhận.</translation>
    </message>
    <message>
        <source>Choose the files from the upstream office</source>
        <translation>Chọn các tệp nhận từ cấp trên</translation>
    </message>
    <message>
        <source>Files from the office (*.{ack} *.{update});;All files (*)</source>
        <translation>Tệp từ cấp trên (*.{ack} *.{update});;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Checking and importing…</source>
        <translation>Đang kiểm tra và nhập…</translation>
    </message>
    <message>
        <source>Every file was checked and imported.</source>
        <translation>Mọi tệp đã được kiểm tra và nhập.</translation>
    </message>
    <message>
        <source>Some files were refused; nothing of them was applied.</source>
        <translation>Có tệp bị từ chối; không có gì trong các tệp đó được áp dụng.</translation>
    </message>
    <message>
        <source>Type the code the office reads over the phone</source>
        <translation>Hãy nhập mã do cấp trên đọc qua điện thoại</translation>
    </message>
    <message>
        <source>Code accepted.</source>
        <translation>Đã nhận mã.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Một Cửa Desk: unexpected error</source>
        <translation>Một Cửa Desk: lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. What you saved before is safe.
Copy or save this report and give it to the support staff.</source>
        <translation>Chương trình gặp lỗi bên trong. Những gì đã lưu trước đó vẫn an toàn.
Hãy sao chép hoặc lưu báo cáo này và gửi cho cán bộ hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Sao chép báo cáo</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Lưu báo cáo…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tệp văn bản (*.txt)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>Không ghi được {path}: {error}</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Storage problem</source>
        <translation>Lỗi lưu trữ dữ liệu</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>{time}, {weekday} {date}</source>
        <translation>{time}, {weekday} ngày {date}</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Một Cửa Desk</source>
        <translation>Một Cửa Desk</translation>
    </message>
    <message>
        <source>This desk is not set up yet. An administrator must sign in first and enter the unit.</source>
        <translation>Bộ phận một cửa này chưa được thiết lập. Quản trị viên cần đăng nhập trước và nhập thông tin đơn vị.</translation>
    </message>
    <message>
        <source>Sample procedure set</source>
        <translation>Bộ thủ tục mẫu</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <source>No dossier open</source>
        <translation>Chưa mở hồ sơ nào</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>CCCD · phone</source>
        <translation>CCCD · điện thoại</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tình trạng hạn</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Sổ theo dõi</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Bên giao → bên nhận</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>In giấy tiếp nhận</translation>
    </message>
    <message>
        <source>Result delivery</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Print control slip</source>
        <translation>In phiếu kiểm soát</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự việc</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Step deadline</source>
        <translation>Hạn của bước</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Orig.</source>
        <translation>Chính</translation>
    </message>
    <message>
        <source>Cert.</source>
        <translation>Sao CT</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Diễn biến</translation>
    </message>
    <message>
        <source>&amp;Handovers</source>
        <translation>&amp;Luân chuyển</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Giấy tờ</translation>
    </message>
    <message>
        <source>authorised: {name}</source>
        <translation>ủy quyền: {name}</translation>
    </message>
    <message>
        <source>{when} by {who} ({channel})</source>
        <translation>{when}, {who} tiếp nhận ({channel})</translation>
    </message>
    <message>
        <source>(originally {when})</source>
        <translation>(hẹn ban đầu {when})</translation>
    </message>
    <message>
        <source>Book {book}, no. {number}</source>
        <translation>Quyển số {book}, số thứ tự {number}</translation>
    </message>
    <message>
        <source>Returned {when} to {who}</source>
        <translation>Đã trả lúc {when} cho {who}</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Scan or type a dossier code, CCCD, phone or name… (F3)</source>
        <translation>Quét hoặc gõ mã hồ sơ, số CCCD, điện thoại hoặc tên… (F3)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Open (clock running)</source>
        <translation>Đang giải quyết (đang tính hạn)</translation>
    </message>
    <message>
        <source>Paused (waiting for the citizen)</source>
        <translation>Tạm dừng (chờ công dân)</translation>
    </message>
    <message>
        <source>All procedures</source>
        <translation>Mọi thủ tục</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>&amp;Quá hạn</translation>
    </message>
    <message>
        <source>Due &amp;soon</source>
        <translation>&amp;Sắp đến hạn</translation>
    </message>
    <message>
        <source>Due today or on the next working day</source>
        <translation>Đến hạn hôm nay hoặc ngày làm việc tới</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <source>Received on or after / before this day; the first day of the calendar means any</source>
        <translation>Nhận từ ngày / đến ngày này; để ở ngày đầu tiên của lịch là không giới hạn</translation>
    </message>
    <message>
        <source>Loading dossiers…</source>
        <translation>Đang tải hồ sơ…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>{n} dossiers found for “{text}”</source>
        <translation>Tìm thấy {n} hồ sơ cho “{text}”</translation>
    </message>
    <message>
        <source> (first {limit})</source>
        <translation> (hiện {limit} hồ sơ đầu)</translation>
    </message>
    <message>
        <source>{n} dossiers</source>
        <translation>{n} hồ sơ</translation>
    </message>
    <message>
        <source>No dossier matches “{text}”</source>
        <translation>Không có hồ sơ nào khớp với “{text}”</translation>
    </message>
    <message>
        <source>Printing is not installed on this desk; nothing was printed.</source>
        <translation>Máy này chưa cài chức năng in; chưa in gì.</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>Chưa in: {reason}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tình trạng hạn</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Enter the ID number (CCCD)</source>
        <translation>Nhập số CCCD</translation>
    </message>
    <message>
        <source>The ID number (CCCD) must have 12 digits</source>
        <translation>Số CCCD phải gồm 12 chữ số</translation>
    </message>
    <message>
        <source>The first three digits of the CCCD must be a province code 001–096</source>
        <translation>Ba chữ số đầu của số CCCD phải là mã tỉnh từ 001 đến 096</translation>
    </message>
    <message>
        <source>Enter the full name</source>
        <translation>Nhập họ và tên</translation>
    </message>
    <message>
        <source>A person&apos;s name cannot contain digits</source>
        <translation>Họ tên không được chứa chữ số</translation>
    </message>
    <message>
        <source>The name is too long (200 characters at most)</source>
        <translation>Họ tên quá dài (tối đa 200 ký tự)</translation>
    </message>
    <message>
        <source>Not a Vietnamese phone number (a mobile has 10 digits, such as 0912345678)</source>
        <translation>Số điện thoại không hợp lệ (số di động gồm 10 chữ số, ví dụ 0912345678)</translation>
    </message>
    <message>
        <source>The e-mail address is not valid</source>
        <translation>Địa chỉ e-mail không hợp lệ</translation>
    </message>
    <message>
        <source>The date of birth is in the future</source>
        <translation>Ngày sinh ở tương lai</translation>
    </message>
    <message>
        <source>The date of birth is before 1900</source>
        <translation>Ngày sinh trước năm 1900</translation>
    </message>
    <message>
        <source>Enter the date as dd/mm/yyyy</source>
        <translation>Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/1990</translation>
    </message>
    <message>
        <source>The address is too long (500 characters at most)</source>
        <translation>Địa chỉ quá dài (tối đa 500 ký tự)</translation>
    </message>
    <message>
        <source>Choose a procedure</source>
        <translation>Chọn thủ tục</translation>
    </message>
    <message>
        <source>This procedure is not in the current procedure set</source>
        <translation>Thủ tục này không có trong bộ thủ tục hiện hành</translation>
    </message>
    <message>
        <source>The number of sets must be from 1 to 99</source>
        <translation>Số bộ hồ sơ phải từ 1 đến 99</translation>
    </message>
    <message>
        <source>The fee must be from 0 to 1,000,000,000 đồng</source>
        <translation>Lệ phí phải từ 0 đến 1.000.000.000 đồng</translation>
    </message>
    <message>
        <source>A document of the checklist has no name</source>
        <translation>Một thành phần hồ sơ chưa có tên</translation>
    </message>
    <message>
        <source>Document counts must be from 0 to 99</source>
        <translation>Số lượng giấy tờ phải từ 0 đến 99</translation>
    </message>
    <message>
        <source>The time is in the future</source>
        <translation>Thời điểm ở tương lai</translation>
    </message>
    <message>
        <source>The time is before the dossier was received</source>
        <translation>Thời điểm trước lúc tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>The time is before the dossier&apos;s last event</source>
        <translation>Thời điểm trước sự việc gần nhất của hồ sơ</translation>
    </message>
    <message>
        <source>The reason is too long (2000 characters at most)</source>
        <translation>Lý do quá dài (tối đa 2000 ký tự)</translation>
    </message>
    <message>
        <source>Enter the reason</source>
        <translation>Nhập lý do</translation>
    </message>
    <message>
        <source>The new appointment must be later than the current one</source>
        <translation>Ngày hẹn mới phải sau ngày hẹn hiện tại</translation>
    </message>
    <message>
        <source>The new appointment must be in the future</source>
        <translation>Ngày hẹn mới phải ở tương lai</translation>
    </message>
    <message>
        <source>The new appointment must fall on a working day</source>
        <translation>Ngày hẹn mới phải là ngày làm việc</translation>
    </message>
    <message>
        <source>Choose the new appointment date</source>
        <translation>Chọn ngày hẹn mới</translation>
    </message>
    <message>
        <source>Enter the receiving unit</source>
        <translation>Nhập đơn vị nhận hồ sơ</translation>
    </message>
    <message>
        <source>This action is not allowed in the dossier&apos;s current status</source>
        <translation>Không được thực hiện việc này khi hồ sơ ở trạng thái hiện tại</translation>
    </message>
    <message>
        <source>No dossier has this code</source>
        <translation>Không có hồ sơ nào mang mã này</translation>
    </message>
    <message>
        <source>The unit code cannot change once dossiers exist</source>
        <translation>Không thể đổi mã đơn vị khi đã có hồ sơ</translation>
    </message>
    <message>
        <source>The unit code is not valid: 2–40 letters, digits, dots or dashes (e.g. 000.17.22.H56)</source>
        <translation>Mã đơn vị không hợp lệ: 2–40 chữ cái, chữ số, dấu chấm hoặc gạch ngang (ví dụ 000.17.22.H56)</translation>
    </message>
    <message>
        <source>The station must be a number from 1 to 9</source>
        <translation>Số máy phải từ 1 đến 9</translation>
    </message>
    <message>
        <source>Enter the unit&apos;s name</source>
        <translation>Nhập tên đơn vị</translation>
    </message>
    <message>
        <source>This text is too long</source>
        <translation>Nội dung quá dài</translation>
    </message>
    <message>
        <source>Enter a time such as 15:00</source>
        <translation>Nhập giờ theo dạng 15:00</translation>
    </message>
    <message>
        <source>Enter a range such as 07:30-11:30</source>
        <translation>Nhập khoảng giờ theo dạng 07:30-11:30</translation>
    </message>
    <message>
        <source>The start must be before the end</source>
        <translation>Giờ bắt đầu phải trước giờ kết thúc</translation>
    </message>
    <message>
        <source>The morning must end before the afternoon starts</source>
        <translation>Buổi sáng phải kết thúc trước khi buổi chiều bắt đầu</translation>
    </message>
    <message>
        <source>Enter a whole number</source>
        <translation>Nhập một số nguyên</translation>
    </message>
    <message>
        <source>Choose the kind of day</source>
        <translation>Chọn loại ngày</translation>
    </message>
    <message>
        <source>This day is already a working day</source>
        <translation>Ngày này đã là ngày làm việc</translation>
    </message>
    <message>
        <source>There is no change on this day to remove</source>
        <translation>Ngày này không có thay đổi nào để xóa</translation>
    </message>
    <message>
        <source>The year is out of range</source>
        <translation>Năm không hợp lệ</translation>
    </message>
    <message>
        <source>This username is already taken</source>
        <translation>Tên đăng nhập này đã được dùng</translation>
    </message>
    <message>
        <source>There is no such account</source>
        <translation>Không có tài khoản này</translation>
    </message>
    <message>
        <source>Username: 2–60 lowercase letters, digits, dots, dashes or underscores</source>
        <translation>Tên đăng nhập: 2–60 ký tự gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters</source>
        <translation>Mật khẩu phải có ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>The password must not be the username</source>
        <translation>Mật khẩu không được trùng tên đăng nhập</translation>
    </message>
    <message>
        <source>The password is not acceptable</source>
        <translation>Mật khẩu không hợp lệ</translation>
    </message>
    <message>
        <source>The desk must keep at least one active admin</source>
        <translation>Phải giữ ít nhất một tài khoản quản trị đang hoạt động</translation>
    </message>
    <message>
        <source>This form does not exist</source>
        <translation>Không có biểu mẫu này</translation>
    </message>
    <message>
        <source>This form does not fit the dossier&apos;s current state; nothing was printed</source>
        <translation>Biểu mẫu này không phù hợp với trạng thái hiện tại của hồ sơ; chưa in gì</translation>
    </message>
    <message>
        <source>This station has issued all 999 numbers for today; receive on another station</source>
        <translation>Máy này đã cấp hết 999 số hồ sơ trong ngày; hãy tiếp nhận trên máy khác</translation>
    </message>
    <message>
        <source>This desk is not set up yet</source>
        <translation>Bộ phận một cửa này chưa được thiết lập</translation>
    </message>
    <message>
        <source>The database is busy (another program is using it). Nothing was saved; wait a moment and try again.</source>
        <translation>Cơ sở dữ liệu đang bận (chương trình khác đang dùng). Chưa lưu gì; chờ một lát rồi thử lại.</translation>
    </message>
    <message>
        <source>The data folder is read-only. Nothing was saved; ask the admin to check the folder&apos;s permissions.</source>
        <translation>Thư mục dữ liệu chỉ cho phép đọc. Chưa lưu gì; nhờ quản trị viên kiểm tra quyền truy cập thư mục.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>Ổ đĩa đã đầy. Chưa lưu gì; hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>The disk reported an error. Nothing was saved; check the disk and restore from a backup if this repeats.</source>
        <translation>Ổ đĩa báo lỗi. Chưa lưu gì; hãy kiểm tra ổ đĩa và khôi phục bản sao lưu nếu lỗi lặp lại.</translation>
    </message>
    <message>
        <source>The database file is damaged. Ask the admin to restore the latest backup (desk-app restore).</source>
        <translation>Tệp cơ sở dữ liệu bị hỏng. Nhờ quản trị viên khôi phục bản sao lưu mới nhất (desk-app restore).</translation>
    </message>
    <message>
        <source>The database file is not a Một Cửa Desk database. It was left untouched; ask the admin.</source>
        <translation>Tệp cơ sở dữ liệu không phải của Một Cửa Desk. Tệp được giữ nguyên; hãy báo quản trị viên.</translation>
    </message>
    <message>
        <source>The database was written by a newer version of Một Cửa Desk. Install that version or newer.</source>
        <translation>Cơ sở dữ liệu do phiên bản Một Cửa Desk mới hơn ghi. Hãy cài phiên bản đó hoặc mới hơn.</translation>
    </message>
    <message>
        <source>The database file cannot be opened: check that the data folder exists and is writable.</source>
        <translation>Không mở được tệp cơ sở dữ liệu: kiểm tra thư mục dữ liệu có tồn tại và ghi được không.</translation>
    </message>
    <message>
        <source>The data folder cannot be created: check the disk and the folder&apos;s permissions.</source>
        <translation>Không tạo được thư mục dữ liệu: kiểm tra ổ đĩa và quyền truy cập thư mục.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this</source>
        <translation>Tài khoản của bạn không có quyền thực hiện việc này</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>Invalid input: {detail}</source>
        <translation>Dữ liệu không hợp lệ: {detail}</translation>
    </message>
    <message>
        <source>The data cannot be saved or read: {detail}</source>
        <translation>Không lưu hoặc đọc được dữ liệu: {detail}</translation>
    </message>
    <message>
        <source>The procedure-set file has an error at {where}: {detail}</source>
        <translation>Tệp bộ thủ tục có lỗi tại {where}: {detail}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Một Cửa Desk: first start</source>
        <translation>Một Cửa Desk: khởi động lần đầu</translation>
    </message>
    <message>
        <source>Welcome. This desk has no account yet. Create the administrator account: it sets up the desk and creates the clerks&apos; and supervisors&apos; accounts.</source>
        <translation>Chào mừng. Bộ phận một cửa này chưa có tài khoản nào. Hãy tạo tài khoản quản trị: tài khoản này thiết lập bộ phận một cửa và tạo tài khoản cho cán bộ tiếp nhận và lãnh đạo.</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>Import the sample procedure set (for training; durations and fees are not all verified)</source>
        <translation>Nhập bộ thủ tục mẫu (để tập huấn; thời hạn và lệ phí chưa được kiểm tra hết)</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>Nhập &amp;lại mật khẩu</translation>
    </message>
    <message>
        <source>Keep this password safe: without an administrator no account can be created.</source>
        <translation>Hãy giữ kỹ mật khẩu này: không có quản trị viên thì không tạo được tài khoản nào.</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>&amp;Tạo tài khoản</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Hai mật khẩu không giống nhau</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>Đang tạo tài khoản…</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Space ticks or unticks a document; type a number to change a count.</source>
        <translation>Phím cách: đánh dấu hoặc bỏ đánh dấu giấy tờ; gõ số để sửa số lượng.</translation>
    </message>
    <message>
        <source>1. Procedure</source>
        <translation>1. Thủ tục</translation>
    </message>
    <message>
        <source>2. Documents received</source>
        <translation>2. Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Full name, e.g. Nguyễn Văn An</source>
        <translation>Họ và tên, ví dụ Nguyễn Văn An</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>e.g. 0912345678</source>
        <translation>ví dụ 0912345678</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>3. Applicant</source>
        <translation>3. Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Full &amp;name *</source>
        <translation>&amp;Họ và tên *</translation>
    </message>
    <message>
        <source>&amp;CCCD *</source>
        <translation>Số &amp;CCCD *</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Điện &amp;thoại</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Ngày &amp;sinh</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>Authorised person (người được ủy quyền)</source>
        <translation>Có người được ủy quyền nộp thay</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>CCCD, 12 digits</source>
        <translation>Số CCCD, 12 chữ số</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>4. Reception</source>
        <translation>4. Tiếp nhận</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh nộp</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Số bộ</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Choose a procedure to see the appointment</source>
        <translation>Chọn thủ tục để xem ngày hẹn trả</translation>
    </message>
    <message>
        <source>&amp;Save and print receipt (Ctrl+Enter)</source>
        <translation>&amp;Lưu và in giấy tiếp nhận (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>Tiếp nhận mới</translation>
    </message>
    <message>
        <source>Print the receipt again</source>
        <translation>In lại giấy tiếp nhận</translation>
    </message>
    <message>
        <source>{field} · processing time: {duration} · fee: {fee}</source>
        <translation>{field} · thời hạn giải quyết: {duration} · lệ phí: {fee}</translation>
    </message>
    <message>
        <source>Appointment: {when}</source>
        <translation>Hẹn trả: {when}</translation>
    </message>
    <message>
        <source>The calendar of this year is not confirmed yet; the date is computed from the rules.</source>
        <translation>Lịch làm việc năm nay chưa được xác nhận; ngày hẹn được tính theo quy định chung.</translation>
    </message>
    <message>
        <source>Saving the dossier…</source>
        <translation>Đang lưu hồ sơ…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>Saved: dossier {code}, appointment {when}</source>
        <translation>Đã lưu hồ sơ {code}, hẹn trả {when}</translation>
    </message>
    <message>
        <source>The receipt was not printed: printing is not installed on this desk.</source>
        <translation>Chưa in được giấy tiếp nhận: máy này chưa cài chức năng in.</translation>
    </message>
    <message>
        <source>The receipt was not printed: {reason}</source>
        <translation>Chưa in được giấy tiếp nhận: {reason}</translation>
    </message>
    <message>
        <source>Printing the receipt…</source>
        <translation>Đang in giấy tiếp nhận…</translation>
    </message>
    <message>
        <source>Clear what was typed for this applicant?</source>
        <translation>Xóa các thông tin đã nhập của người nộp này?</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Registered online</source>
        <translation>Mới đăng ký</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Được tiếp nhận</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Không được tiếp nhận</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung giấy tờ</translation>
    </message>
    <message>
        <source>Payment of fees or taxes requested</source>
        <translation>Yêu cầu thực hiện nghĩa vụ tài chính</translation>
    </message>
    <message>
        <source>Withdrawn by the citizen</source>
        <translation>Công dân yêu cầu rút hồ sơ</translation>
    </message>
    <message>
        <source>Processing stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <source>Request a supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận bổ sung</translation>
    </message>
    <message>
        <source>Request payment</source>
        <translation>Yêu cầu nộp phí, thuế</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>Đã nộp phí, thuế</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>Withdrawn by citizen</source>
        <translation>Công dân rút hồ sơ</translation>
    </message>
    <message>
        <source>Stop processing</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Extend (apology letter)</source>
        <translation>Gia hạn (văn bản xin lỗi)</translation>
    </message>
    <message>
        <source>Return the result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Received at the desk</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation>Đến hạn ngày mai</translation>
    </message>
    <message>
        <source>On schedule</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Overdue by {days} working days</source>
        <translation>Quá hạn {days} ngày làm việc</translation>
    </message>
    <message>
        <source>Overdue {days} d</source>
        <translation>Quá hạn {days} ngày</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>At the desk</source>
        <translation>Tại bộ phận Một cửa</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Public postal service</source>
        <translation>Dịch vụ bưu chính công ích</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Ngày làm việc</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Nghỉ cuối tuần</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Nghỉ lễ, Tết</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ (hoán đổi)</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>Before the deadline</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On the deadline</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>After the deadline</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>taken by the applicant</source>
        <translation>người nộp nhận</translation>
    </message>
    <message>
        <source>taken by the authorised person</source>
        <translation>người được ủy quyền nhận</translation>
    </message>
    <message>
        <source>taken by someone else</source>
        <translation>người khác nhận</translation>
    </message>
    <message>
        <source>{n} working days</source>
        <translation>{n} ngày làm việc</translation>
    </message>
    <message>
        <source>{n} working hours</source>
        <translation>{n} giờ làm việc</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} ngày</translation>
    </message>
    <message>
        <source>Same day (if received before {cutoff})</source>
        <translation>Trong ngày (nếu nhận trước {cutoff})</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Một Cửa Desk: sign in</source>
        <translation>Một Cửa Desk: đăng nhập</translation>
    </message>
    <message>
        <source>Một Cửa Desk</source>
        <translation>Một Cửa Desk</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>Enter your username</source>
        <translation>Nhập tên đăng nhập</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {time}. Ask the administrator to unlock it sooner.</source>
        <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản bị khóa đến {time}. Nhờ quản trị viên mở khóa nếu cần sớm hơn.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask the administrator.</source>
        <translation>Tài khoản này đã bị tắt. Hãy liên hệ quản trị viên.</translation>
    </message>
    <message>
        <source>Wrong username or password. {n} tries left before the account is locked.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu. Còn {n} lần thử trước khi tài khoản bị khóa.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intake (F2)</source>
        <translation>Tiếp nhận (F2)</translation>
    </message>
    <message>
        <source>Dossiers (F3)</source>
        <translation>Hồ sơ (F3)</translation>
    </message>
    <message>
        <source>Board (F4)</source>
        <translation>Theo dõi (F4)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Dossier {code} saved</source>
        <translation>Đã lưu hồ sơ {code}</translation>
    </message>
    <message>
        <source>Một Cửa Desk — {unit}</source>
        <translation>Một Cửa Desk — {unit}</translation>
    </message>
    <message>
        <source>Một Cửa Desk</source>
        <translation>Một Cửa Desk</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Một cửa</translation>
    </message>
    <message>
        <source>New &amp;intake</source>
        <translation>Tiếp nhận &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Find a dossier</source>
        <translation>&amp;Tìm hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>Bảng theo &amp;dõi</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Làm &amp;lại</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>{code} · station {station}</source>
        <translation>{code} · máy số {station}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The language will change the next time the program starts.</source>
        <translation>Ngôn ngữ mới được áp dụng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <source>About Một Cửa Desk</source>
        <translation>Giới thiệu Một Cửa Desk</translation>
    </message>
    <message>
        <source>Một Cửa Desk {version}
Data folder: {data}
Log files: {logs}</source>
        <translation>Một Cửa Desk {version}
Thư mục dữ liệu: {data}
Tệp nhật ký: {logs}</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
</context>
<context>
    <name>OnTimeChart</name>
    <message>
        <source>On-time rate per commune (%)</source>
        <translation>Tỷ lệ đúng hạn theo xã (%)</translation>
    </message>
    <message>
        <source>On-time rate per procedure (%)</source>
        <translation>Tỷ lệ đúng hạn theo thủ tục (%)</translation>
    </message>
    <message>
        <source>No dossier was resolved in the period</source>
        <translation>Không có hồ sơ nào được giải quyết trong kỳ</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>Type the code or words of the name, e.g. khai sinh</source>
        <translation>Gõ mã hoặc vài chữ trong tên thủ tục, ví dụ: khai sinh</translation>
    </message>
    <message>
        <source>No procedure set imported yet (Settings → Procedure sets)</source>
        <translation>Chưa nhập bộ thủ tục (Cài đặt → Bộ thủ tục)</translation>
    </message>
    <message>
        <source>No procedure matches</source>
        <translation>Không có thủ tục phù hợp</translation>
    </message>
    <message>
        <source>{shown} of {total} procedures · ↑↓ to move, Enter to choose</source>
        <translation>{shown}/{total} thủ tục · ↑↓ để di chuyển, Enter để chọn</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>Chọn &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Kh&amp;ông với tất cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Khoảng ngày</translation>
    </message>
    <message>
        <source>One row per commune</source>
        <translation>Mỗi xã một dòng</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Xuất &amp;Excel…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Xuất &amp;PDF…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Đang tính báo cáo…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Đang ghi tệp…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Morning hours</source>
        <translation>Giờ làm việc buổi sáng</translation>
    </message>
    <message>
        <source>Afternoon hours</source>
        <translation>Giờ làm việc buổi chiều</translation>
    </message>
    <message>
        <source>End of the working day</source>
        <translation>Giờ kết thúc ngày làm việc</translation>
    </message>
    <message>
        <source>Same-day cut-off</source>
        <translation>Giờ chốt nhận hồ sơ trong ngày</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>Số bản sao lưu hằng ngày được giữ</translation>
    </message>
    <message>
        <source>Not saved: see the marked field.</source>
        <translation>Chưa lưu: xem ô được đánh dấu đỏ.</translation>
    </message>
    <message>
        <source>Save the unit</source>
        <translation>Lưu thông tin đơn vị</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>The unit was saved.</source>
        <translation>Đã lưu thông tin đơn vị.</translation>
    </message>
    <message>
        <source>Office hours count working-hour deadlines; the end of the day is when a day-based deadline ends; same-day procedures received after the cut-off are due on the next working day.</source>
        <translation>Giờ làm việc dùng để tính thời hạn theo giờ; giờ kết thúc ngày là lúc hết hạn của thời hạn tính theo ngày; thủ tục giải quyết trong ngày nếu nhận sau giờ chốt thì hẹn trả vào ngày làm việc tiếp theo.</translation>
    </message>
    <message>
        <source>Save office hours</source>
        <translation>Lưu giờ làm việc</translation>
    </message>
    <message>
        <source>&amp;Office hours</source>
        <translation>&amp;Giờ làm việc</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Office hours saved.</source>
        <translation>Đã lưu giờ làm việc.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại ngày</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>changed here</source>
        <translation>sửa tại đây</translation>
    </message>
    <message>
        <source>law</source>
        <translation>theo luật</translation>
    </message>
    <message>
        <source>e.g. Nghỉ bù dịp Quốc khánh</source>
        <translation>ví dụ: Nghỉ bù dịp Quốc khánh</translation>
    </message>
    <message>
        <source>e.g. Thông báo số …/TB-VPCP</source>
        <translation>ví dụ: Thông báo số …/TB-VPCP</translation>
    </message>
    <message>
        <source>Add / change this day</source>
        <translation>Thêm / sửa ngày này</translation>
    </message>
    <message>
        <source>Remove the selected change</source>
        <translation>Xóa thay đổi đã chọn</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Lịch làm việc</translation>
    </message>
    <message>
        <source>Calendar {version}</source>
        <translation>Lịch phiên bản {version}</translation>
    </message>
    <message>
        <source>The {year} calendar is not confirmed: add the government&apos;s declared days off</source>
        <translation>Lịch năm {year} chưa được xác nhận: hãy thêm các ngày nghỉ do Chính phủ công bố</translation>
    </message>
    <message>
        <source>{date} is now: {kind}</source>
        <translation>Ngày {date} nay là: {kind}</translation>
    </message>
    <message>
        <source>Select a day changed here (source: changed here).</source>
        <translation>Hãy chọn một ngày đã sửa tại đây (nguồn: sửa tại đây).</translation>
    </message>
    <message>
        <source>The change on {date} was removed.</source>
        <translation>Đã xóa thay đổi của ngày {date}.</translation>
    </message>
    <message>
        <source>&amp;Import a procedure set (.json, .xlsx)…</source>
        <translation>&amp;Nhập bộ thủ tục (.json, .xlsx)…</translation>
    </message>
    <message>
        <source>Import the sample set</source>
        <translation>Nhập bộ thủ tục mẫu</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Bộ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên bộ</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định công bố</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>A procedure is never changed in place: importing a newer set adds new versions; dossiers keep the version they were received under. The sample set is for training: its durations and fees are not all verified.</source>
        <translation>Thủ tục không bao giờ bị sửa trực tiếp: nhập bộ mới sẽ thêm phiên bản mới; hồ sơ giữ phiên bản áp dụng lúc tiếp nhận. Bộ thủ tục mẫu chỉ để tập huấn: thời hạn và lệ phí chưa được kiểm tra hết.</translation>
    </message>
    <message>
        <source>&amp;Procedure sets</source>
        <translation>&amp;Bộ thủ tục</translation>
    </message>
    <message>
        <source>{n} current procedures</source>
        <translation>{n} thủ tục hiện hành</translation>
    </message>
    <message>
        <source>Import a procedure set</source>
        <translation>Nhập bộ thủ tục</translation>
    </message>
    <message>
        <source>Procedure sets (*.json *.xlsx)</source>
        <translation>Bộ thủ tục (*.json *.xlsx)</translation>
    </message>
    <message>
        <source>Imported set {set}: {total} procedures ({added} new, {versions} new versions, {unchanged} unchanged).</source>
        <translation>Đã nhập bộ {set}: {total} thủ tục ({added} mới, {versions} phiên bản mới, {unchanged} không đổi).</translation>
    </message>
    <message>
        <source>Importing the procedure set…</source>
        <translation>Đang nhập bộ thủ tục…</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Khóa đến</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Tạo tài khoản</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>Đặt mật khẩu…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>Enable / disable</source>
        <translation>Bật / tắt tài khoản</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Tài khoản</translation>
    </message>
    <message>
        <source>Account {name} created.</source>
        <translation>Đã tạo tài khoản {name}.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Đặt mật khẩu</translation>
    </message>
    <message>
        <source>New password for {name}:</source>
        <translation>Mật khẩu mới của {name}:</translation>
    </message>
    <message>
        <source>Password of {name} changed.</source>
        <translation>Đã đổi mật khẩu của {name}.</translation>
    </message>
    <message>
        <source>Account {name} unlocked.</source>
        <translation>Đã mở khóa tài khoản {name}.</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Tắt tài khoản</translation>
    </message>
    <message>
        <source>Disable the account {name}? It will not be able to sign in.</source>
        <translation>Tắt tài khoản {name}? Tài khoản này sẽ không đăng nhập được nữa.</translation>
    </message>
    <message>
        <source>Account {name} updated.</source>
        <translation>Đã cập nhật tài khoản {name}.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>An acknowledgement code has 16 letters and digits, such as ABCD-EFGH-JKLM-NPQR</source>
        <translation>Mã xác nhận gồm 16 chữ cái và chữ số, ví dụ ABCD-EFGH-JKLM-NPQR</translation>
    </message>
    <message>
        <source>This is not an acknowledgement code: it has only the letters A–Z and the digits 2–7</source>
        <translation>Đây không phải mã xác nhận: mã chỉ gồm các chữ cái A–Z và chữ số 2–7</translation>
    </message>
    <message>
        <source>The code is wrong: have it read again character by character (or it was made for another station, or before the office changed its keys). Nothing was changed.</source>
        <translation>Mã không đúng: hãy nhờ đọc lại từng ký tự (hoặc mã dành cho máy khác, hay được tạo trước khi cấp trên đổi khóa). Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The code confirms more than this desk has exported: it belongs to another database of this station. Nothing was changed.</source>
        <translation>Mã xác nhận nhiều hơn những gì máy này đã xuất: mã thuộc về một cơ sở dữ liệu khác của máy này. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>This desk does not trust the upstream office&apos;s key yet: an admin must first load the office&apos;s key file (desk-app sync trust-upstream FILE).</source>
        <translation>Máy này chưa tin cậy khóa của cấp trên: quản trị viên cần nạp tệp khóa của cấp trên trước (desk-app sync trust-upstream TỆP).</translation>
    </message>
    <message>
        <source>The chosen folder cannot be used: check the USB drive or choose another folder.</source>
        <translation>Không dùng được thư mục đã chọn: hãy kiểm tra ổ USB hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <source>Part of the sync file came out larger than the size limit. Nothing was written; export again.</source>
        <translation>Một phần tệp đồng bộ vượt quá giới hạn dung lượng. Chưa ghi gì; hãy xuất lại.</translation>
    </message>
    <message>
        <source>This is done at the upstream office, not at a commune desk.</source>
        <translation>Việc này làm tại cơ quan cấp trên, không làm tại máy của xã.</translation>
    </message>
    <message>
        <source>This is done at a commune desk, not at the upstream office.</source>
        <translation>Việc này làm tại máy của xã, không làm tại cơ quan cấp trên.</translation>
    </message>
    <message>
        <source>Not enough free space on the chosen drive (twice the file&apos;s size must be free). Nothing was written; free some space or use another drive.</source>
        <translation>Ổ đã chọn không đủ chỗ trống (cần trống gấp đôi dung lượng tệp). Chưa ghi gì; hãy xóa bớt dữ liệu hoặc dùng ổ khác.</translation>
    </message>
    <message>
        <source>The file read back differs from what was written (the drive was removed or is failing). The sync file is NOT safe: export again to a working drive.</source>
        <translation>Tệp đọc lại khác với tệp đã ghi (ổ đã bị rút ra hoặc bị hỏng). Tệp đồng bộ CHƯA an toàn: hãy xuất lại vào một ổ tốt.</translation>
    </message>
    <message>
        <source>Writing the file failed. Do not remove the drive yet: check it and export again.</source>
        <translation>Ghi tệp không thành công. Chưa được rút ổ: hãy kiểm tra ổ rồi xuất lại.</translation>
    </message>
    <message>
        <source>The acknowledgement code is not valid. Nothing was changed.</source>
        <translation>Mã xác nhận không hợp lệ. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>thay đổi</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>xác nhận</translation>
    </message>
    <message>
        <source>procedure set update</source>
        <translation>cập nhật bộ thủ tục</translation>
    </message>
    <message>
        <source>calendar update</source>
        <translation>cập nhật lịch làm việc</translation>
    </message>
    <message>
        <source>office key update</source>
        <translation>cập nhật khóa của cấp trên</translation>
    </message>
    <message>
        <source>results from the office</source>
        <translation>kết quả từ cấp trên</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>đã áp dụng</translation>
    </message>
    <message>
        <source>applied before (nothing new)</source>
        <translation>đã áp dụng từ trước (không có gì mới)</translation>
    </message>
    <message>
        <source>this file was imported before (nothing to do)</source>
        <translation>tệp này đã được nhập trước đây (không cần làm gì)</translation>
    </message>
    <message>
        <source>held: earlier changes are missing; applied when they arrive</source>
        <translation>giữ lại: còn thiếu các thay đổi trước đó; sẽ áp dụng khi chúng đến</translation>
    </message>
    <message>
        <source>skipped: a newer update was applied already</source>
        <translation>bỏ qua: đã áp dụng bản cập nhật mới hơn</translation>
    </message>
    <message>
        <source>REFUSED, nothing was applied</source>
        <translation>BỊ TỪ CHỐI, không áp dụng gì</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete; copy it again from the sender</source>
        <translation>tệp bị hỏng hoặc không đầy đủ; hãy chép lại từ nơi gửi</translation>
    </message>
    <message>
        <source>the digital signature does not verify: the file was altered</source>
        <translation>chữ ký số không hợp lệ: tệp đã bị sửa đổi</translation>
    </message>
    <message>
        <source>not a Một Cửa Desk sync file</source>
        <translation>không phải tệp đồng bộ của Một Cửa Desk</translation>
    </message>
    <message>
        <source>made by another version of Một Cửa Desk that this one cannot read</source>
        <translation>do phiên bản Một Cửa Desk khác tạo ra, phiên bản này không đọc được</translation>
    </message>
    <message>
        <source>made by a newer version of Một Cửa Desk: upgrade this computer first</source>
        <translation>do phiên bản Một Cửa Desk mới hơn tạo ra: hãy nâng cấp máy này trước</translation>
    </message>
    <message>
        <source>the file is not encrypted to this office&apos;s key</source>
        <translation>tệp không được mã hóa bằng khóa của cơ quan này</translation>
    </message>
    <message>
        <source>the sending station is not enrolled here (or has new keys): enroll its signed form first</source>
        <translation>máy gửi chưa được đăng ký tại đây (hoặc đã đổi khóa): hãy đăng ký theo phiếu có chữ ký của máy đó trước</translation>
    </message>
    <message>
        <source>the file names another unit than the station is enrolled for</source>
        <translation>tệp ghi đơn vị khác với đơn vị đã đăng ký của máy gửi</translation>
    </message>
    <message>
        <source>the file is not for this desk (change files go to the office; acknowledgements and updates go to the communes)</source>
        <translation>tệp không dành cho nơi này (tệp thay đổi gửi lên cấp trên; tệp xác nhận và cập nhật gửi về xã)</translation>
    </message>
    <message>
        <source>the file is addressed to another unit or station</source>
        <translation>tệp gửi cho đơn vị hoặc máy khác</translation>
    </message>
    <message>
        <source>this desk does not trust the upstream office&apos;s key yet</source>
        <translation>máy này chưa tin cậy khóa của cấp trên</translation>
    </message>
    <message>
        <source>not signed with the trusted office key: import the office&apos;s key update first</source>
        <translation>không được ký bằng khóa cấp trên đã tin cậy: hãy nhập bản cập nhật khóa của cấp trên trước</translation>
    </message>
    <message>
        <source>it confirms more than this desk has exported: it belongs to another database of this station</source>
        <translation>tệp xác nhận nhiều hơn những gì máy này đã xuất: tệp thuộc về một cơ sở dữ liệu khác của máy này</translation>
    </message>
    <message>
        <source>this computer wrote this file itself</source>
        <translation>chính máy này đã ghi ra tệp này</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>không đọc được tệp</translation>
    </message>
    <message>
        <source>the content is not valid (code {code})</source>
        <translation>nội dung không hợp lệ (mã lỗi {code})</translation>
    </message>
    <message>
        <source>the office has applied every change up to no. {n}</source>
        <translation>cấp trên đã áp dụng mọi thay đổi đến số {n}</translation>
    </message>
    <message>
        <source>the office has applied every change up to no. {n} (nothing new)</source>
        <translation>cấp trên đã áp dụng mọi thay đổi đến số {n} (không có gì mới)</translation>
    </message>
    <message>
        <source>the office reports missing changes: the next export sends again everything after no. {n}</source>
        <translation>cấp trên báo thiếu thay đổi: lần xuất tới sẽ gửi lại mọi thay đổi sau số {n}</translation>
    </message>
    <message>
        <source>an older acknowledgement (up to no. {n}); nothing changed</source>
        <translation>xác nhận cũ hơn (đến số {n}); không có gì thay đổi</translation>
    </message>
    <message>
        <source>the office does not have this procedure version yet (sent again automatically)</source>
        <translation>cấp trên chưa có phiên bản thủ tục này (sẽ tự động gửi lại)</translation>
    </message>
    <message>
        <source>conflicts with a record the office already has</source>
        <translation>xung đột với bản ghi cấp trên đã có</translation>
    </message>
    <message>
        <source>the dossier code was used twice (station reinstalled or restored)</source>
        <translation>mã hồ sơ bị dùng hai lần (máy được cài lại hoặc khôi phục)</translation>
    </message>
    <message>
        <source>the office does not have this dossier</source>
        <translation>cấp trên chưa có hồ sơ này</translation>
    </message>
    <message>
        <source>the dossier belongs to another unit</source>
        <translation>hồ sơ thuộc đơn vị khác</translation>
    </message>
    <message>
        <source>the record is not valid</source>
        <translation>bản ghi không hợp lệ</translation>
    </message>
    <message>
        <source>waiting for an earlier change</source>
        <translation>đang chờ một thay đổi trước đó</translation>
    </message>
    <message>
        <source>cannot be applied (code {code})</source>
        <translation>không áp dụng được (mã lỗi {code})</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang hoạt động</translation>
    </message>
    <message>
        <source>replaced by a reinstalled station</source>
        <translation>đã được thay bằng máy cài lại</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>{unit} station {station}, bundle no. {seq}, changes {range}: {applied} applied, {already} already there, {quarantined} quarantined</source>
        <translation>{unit} máy số {station}, gói số {seq}, thay đổi {range}: {applied} áp dụng, {already} đã có, {quarantined} cách ly</translation>
    </message>
    <message>
        <source>{n} change(s) need attention at the office</source>
        <translation>{n} thay đổi cần xử lý tại cấp trên</translation>
    </message>
    <message>
        <source>set {set}: {procedures} procedures ({added} new, {new_versions} new versions)</source>
        <translation>bộ {set}: {procedures} thủ tục ({added} mới, {new_versions} phiên bản mới)</translation>
    </message>
    <message>
        <source>year {year}: {changed} day(s) changed, {removed} removed</source>
        <translation>năm {year}: {changed} ngày thay đổi, {removed} ngày bỏ</translation>
    </message>
    <message>
        <source>{applied} dossier(s) updated with the office&apos;s result, {problems} could not be</source>
        <translation>{applied} hồ sơ đã cập nhật theo kết quả của cấp trên, {problems} hồ sơ không cập nhật được</translation>
    </message>
    <message>
        <source>the office&apos;s new key {fingerprint}</source>
        <translation>khóa mới của cấp trên {fingerprint}</translation>
    </message>
    <message>
        <source>This desk does not trust the upstream office&apos;s key yet, so nothing can be sent. An admin must load the office&apos;s key file and check its fingerprint against the signed form (desk-app sync trust-upstream FILE).</source>
        <translation>Máy này chưa tin cậy khóa của cấp trên nên chưa gửi được gì. Quản trị viên cần nạp tệp khóa của cấp trên và đối chiếu dấu vân tay khóa với phiếu có chữ ký (desk-app sync trust-upstream TỆP).</translation>
    </message>
    <message>
        <source>No acknowledgement from the office for {days} days. Export everything since the last acknowledgement and send it again, or call the office and type the code they read out.</source>
        <translation>Đã {days} ngày chưa nhận được xác nhận của cấp trên. Hãy xuất mọi thay đổi kể từ lần xác nhận gần nhất và gửi lại, hoặc gọi điện cho cấp trên và nhập mã họ đọc.</translation>
    </message>
    <message>
        <source>The office has acknowledged nothing yet; the first file was sent {days} days ago. Export again and send it, or call the office and type the code they read out.</source>
        <translation>Cấp trên chưa xác nhận lần nào; tệp đầu tiên đã gửi cách đây {days} ngày. Hãy xuất lại và gửi đi, hoặc gọi điện cho cấp trên và nhập mã họ đọc.</translation>
    </message>
    <message>
        <source>No acknowledgement for {days} days. After {limit} days, send everything again.</source>
        <translation>Đã {days} ngày chưa có xác nhận. Quá {limit} ngày, hãy gửi lại toàn bộ.</translation>
    </message>
    <message>
        <source>The office reports missing changes: the next export sends them again. Export and send it soon.</source>
        <translation>Cấp trên báo thiếu thay đổi: lần xuất tới sẽ gửi lại. Hãy sớm xuất và gửi đi.</translation>
    </message>
    <message>
        <source>{n} change(s) could not be applied at the office: see the list below.</source>
        <translation>{n} thay đổi chưa áp dụng được tại cấp trên: xem danh sách bên dưới.</translation>
    </message>
    <message>
        <source>Change no.</source>
        <translation>Thay đổi số</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Máy</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Dữ liệu tính đến</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Thiếu thay đổi</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Chuỗi nhật ký</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Cần chú ý</translation>
    </message>
    <message>
        <source>changes missing: {ranges} (later bundles held)</source>
        <translation>thiếu thay đổi {ranges} (các gói sau đang giữ lại)</translation>
    </message>
    <message>
        <source>the audit chain is broken</source>
        <translation>chuỗi nhật ký bị đứt</translation>
    </message>
    <message>
        <source>{n} record(s) quarantined</source>
        <translation>{n} bản ghi bị cách ly</translation>
    </message>
    <message>
        <source>uses a different calendar</source>
        <translation>dùng lịch làm việc khác</translation>
    </message>
    <message>
        <source>no file received yet</source>
        <translation>chưa nhận tệp nào</translation>
    </message>
    <message>
        <source>no file for {days} days</source>
        <translation>{days} ngày không có tệp</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>no. {seq} · {time}</source>
        <translation>số {seq} · {time}</translation>
    </message>
    <message>
        <source>BROKEN</source>
        <translation>ĐỨT</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>liền mạch</translation>
    </message>
    <message>
        <source>change no. {n} {dossier}: {problem}</source>
        <translation>thay đổi số {n} {dossier}: {problem}</translation>
    </message>
    <message>
        <source>By the commune computer&apos;s clock</source>
        <translation>Theo đồng hồ máy tính của xã</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>Cannot do this</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Storage problem</source>
        <translation>Lỗi lưu trữ dữ liệu</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>What must the citizen supply, and why</source>
        <translation>Công dân cần bổ sung, hoàn thiện giấy tờ gì và lý do</translation>
    </message>
    <message>
        <source>Which fee or tax is due</source>
        <translation>Khoản phí, lệ phí hoặc thuế phải nộp</translation>
    </message>
    <message>
        <source>Reason for refusing the dossier</source>
        <translation>Lý do từ chối tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>The citizen&apos;s reason for withdrawing</source>
        <translation>Lý do công dân rút hồ sơ</translation>
    </message>
    <message>
        <source>Reason for stopping (and fee refund if any)</source>
        <translation>Lý do dừng giải quyết (và việc hoàn trả phí, lệ phí nếu có)</translation>
    </message>
    <message>
        <source>Reason for the delay</source>
        <translation>Lý do chậm trễ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>{action}: {code}</source>
        <translation>{action}: {code}</translation>
    </message>
    <message>
        <source>{procedure}
Applicant: {name} · status: {status}
Appointment: {due}</source>
        <translation>{procedure}
Người nộp: {name} · trạng thái: {status}
Hẹn trả: {due}</translation>
    </message>
    <message>
        <source>Receiving &amp;unit *</source>
        <translation>&amp;Đơn vị nhận *</translation>
    </message>
    <message>
        <source>Receiving &amp;person</source>
        <translation>&amp;Người nhận</translation>
    </message>
    <message>
        <source>New &amp;appointment *</source>
        <translation>Ngày &amp;hẹn mới *</translation>
    </message>
    <message>
        <source>&amp;Reason *</source>
        <translation>&amp;Lý do *</translation>
    </message>
    <message>
        <source>The applicant: {name}</source>
        <translation>Người nộp hồ sơ: {name}</translation>
    </message>
    <message>
        <source>The authorised person: {name}</source>
        <translation>Người được ủy quyền: {name}</translation>
    </message>
    <message>
        <source>Someone else:</source>
        <translation>Người khác:</translation>
    </message>
    <message>
        <source>Full name of the person taking the result</source>
        <translation>Họ tên người nhận kết quả</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Người nhận kết quả</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Ghi chú</translation>
    </message>
    <message>
        <source>The form for this step will be printed after saving.</source>
        <translation>Biểu mẫu của bước này sẽ được in sau khi lưu.</translation>
    </message>
    <message>
        <source>Enter who took the result</source>
        <translation>Nhập họ tên người nhận kết quả</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>e.g. Bộ phận Một cửa UBND xã Tân Lập</source>
        <translation>ví dụ: Bộ phận Một cửa UBND xã Tân Lập</translation>
    </message>
    <message>
        <source>e.g. UBND xã Tân Lập</source>
        <translation>ví dụ: UBND xã Tân Lập</translation>
    </message>
    <message>
        <source>e.g. UBND tỉnh …</source>
        <translation>ví dụ: UBND tỉnh …</translation>
    </message>
    <message>
        <source>printed before the date on forms, e.g. Tân Lập</source>
        <translation>in trước ngày tháng trên biểu mẫu, ví dụ: Tân Lập</translation>
    </message>
    <message>
        <source>Each PC of the desk has its own station number, so that dossier numbers never collide.</source>
        <translation>Mỗi máy tính của bộ phận một cửa có số máy riêng, để số hồ sơ không bao giờ trùng nhau.</translation>
    </message>
    <message>
        <source>Unit &amp;code *</source>
        <translation>&amp;Mã đơn vị *</translation>
    </message>
    <message>
        <source>Desk &amp;name *</source>
        <translation>&amp;Tên bộ phận *</translation>
    </message>
    <message>
        <source>&amp;Parent agency</source>
        <translation>Cơ quan &amp;chủ quản</translation>
    </message>
    <message>
        <source>&amp;Upstream office</source>
        <translation>Cơ quan c&amp;ấp trên</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>Đ&amp;ịa danh</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Số máy</translation>
    </message>
</context>
<context>
    <name>UnitSetupDialog</name>
    <message>
        <source>Một Cửa Desk: set up this desk</source>
        <translation>Một Cửa Desk: thiết lập bộ phận một cửa</translation>
    </message>
    <message>
        <source>Enter this desk&apos;s identity. The unit code starts every dossier code and cannot change once dossiers exist; the names are printed on the forms.</source>
        <translation>Nhập thông tin của bộ phận một cửa. Mã đơn vị đứng đầu mọi mã hồ sơ và không đổi được khi đã có hồ sơ; các tên được in trên biểu mẫu.</translation>
    </message>
</context>
<context>
    <name>UpstreamSyncPage</name>
    <message>
        <source>Import the communes&apos; files…</source>
        <translation>Nhập tệp của các xã…</translation>
    </message>
    <message>
        <source>Several files at once, in any order; the same file twice is harmless</source>
        <translation>Nhiều tệp một lúc, theo thứ tự bất kỳ; nhập trùng một tệp cũng không sao</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>Đổi thư mục…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Làm mới (F5)</translation>
    </message>
    <message>
        <source>Red: changes missing or the audit chain broken. Amber: records quarantined, another calendar, or no file for more than {days} days. Point at a row for details.</source>
        <translation>Đỏ: thiếu thay đổi hoặc chuỗi nhật ký bị đứt. Vàng: có bản ghi bị cách ly, dùng lịch khác, hoặc quá {days} ngày không có tệp. Trỏ chuột vào một dòng để xem chi tiết.</translation>
    </message>
    <message>
        <source>What the last import did appears here.</source>
        <translation>Kết quả của lần nhập gần nhất hiện ở đây.</translation>
    </message>
    <message>
        <source>Communes&apos; sync files</source>
        <translation>Tệp đồng bộ của các xã</translation>
    </message>
    <message>
        <source>Result of the last import</source>
        <translation>Kết quả lần nhập gần nhất</translation>
    </message>
    <message>
        <source>Upstream office {code} · key {fingerprint}</source>
        <translation>Cơ quan cấp trên {code} · khóa {fingerprint}</translation>
    </message>
    <message>
        <source>No commune station is enrolled yet (desk-app sync enroll FILE).</source>
        <translation>Chưa có máy nào của xã được đăng ký (desk-app sync enroll TỆP).</translation>
    </message>
    <message>
        <source>{n} commune station(s); {k} need attention.</source>
        <translation>{n} máy của xã; {k} máy cần chú ý.</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Cập nhật lúc {time}</translation>
    </message>
    <message>
        <source>Acknowledgement files are written to: {folder}</source>
        <translation>Tệp xác nhận được ghi vào: {folder}</translation>
    </message>
    <message>
        <source>Folder for the acknowledgement files</source>
        <translation>Thư mục ghi tệp xác nhận</translation>
    </message>
    <message>
        <source>Choose the communes&apos; sync files</source>
        <translation>Chọn các tệp đồng bộ của xã</translation>
    </message>
    <message>
        <source>Communes&apos; sync files (*.{ext});;All files (*)</source>
        <translation>Tệp đồng bộ của xã (*.{ext});;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Checking and importing…</source>
        <translation>Đang kiểm tra và nhập…</translation>
    </message>
    <message>
        <source>Every file was checked and imported.</source>
        <translation>Mọi tệp đã được kiểm tra và nhập.</translation>
    </message>
    <message>
        <source>Some files were refused; nothing of them was applied.</source>
        <translation>Có tệp bị từ chối; không có gì trong các tệp đó được áp dụng.</translation>
    </message>
    <message>
        <source>{unit} station {station}: every change up to no. {n} applied</source>
        <translation>{unit} máy số {station}: đã áp dụng mọi thay đổi đến số {n}</translation>
    </message>
    <message>
        <source>changes missing: the commune will send them again</source>
        <translation>thiếu thay đổi: xã sẽ gửi lại</translation>
    </message>
    <message>
        <source>{n} change(s) need attention</source>
        <translation>{n} thay đổi cần xử lý</translation>
    </message>
    <message>
        <source>{unit} station {station}: no change applied yet</source>
        <translation>{unit} máy số {station}: chưa áp dụng thay đổi nào</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Tệp: {path}</translation>
    </message>
    <message>
        <source>Code to read over the phone:</source>
        <translation>Mã đọc qua điện thoại:</translation>
    </message>
    <message>
        <source>Acknowledgements written</source>
        <translation>Đã ghi tệp xác nhận</translation>
    </message>
    <message>
        <source>Send each acknowledgement file back to its commune (USB drive or e-mail), or read its code over the phone.</source>
        <translation>Gửi từng tệp xác nhận về xã của nó (bằng USB hoặc thư điện tử), hoặc đọc mã qua điện thoại.</translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <source>Dossiers newly received and resolved per week</source>
        <translation>Hồ sơ tiếp nhận mới và đã giải quyết theo tuần</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Không có dữ liệu</translation>
    </message>
    <message>
        <source>Newly received</source>
        <translation>Tiếp nhận mới</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
</context>
</TS>
