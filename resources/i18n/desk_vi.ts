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
            <source>A person's name cannot contain digits</source>
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
            <source>The time is before the dossier's last event</source>
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
            <source>This action is not allowed in the dossier's current status</source>
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
            <source>Enter the unit's name</source>
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
            <source>This form does not fit the dossier's current state; nothing was printed</source>
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
            <source>The data folder is read-only. Nothing was saved; ask the admin to check the folder's permissions.</source>
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
            <source>The data folder cannot be created: check the disk and the folder's permissions.</source>
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
            <source>Welcome. This desk has no account yet. Create the administrator account: it sets up the desk and creates the clerks' and supervisors' accounts.</source>
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
            <source>The {year} calendar is not confirmed: add the government's declared days off</source>
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
            <source>The citizen's reason for withdrawing</source>
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
            <source>Enter this desk's identity. The unit code starts every dossier code and cannot change once dossiers exist; the names are printed on the forms.</source>
            <translation>Nhập thông tin của bộ phận một cửa. Mã đơn vị đứng đầu mọi mã hồ sơ và không đổi được khi đã có hồ sơ; các tên được in trên biểu mẫu.</translation>
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
